using RegionalTraining.Core.Meetings;

namespace RegionalTraining.UnitTests.Meetings;

public sealed class LineDiffTests
{
    [Fact]
    public void Compare_ChangedLine_IsRemovedThenAdded()
    {
        var diff = LineDiff.Compare("a\nb\nc", "a\nB\nc");

        Assert.Equal(
            [(DiffKind.Same, "a"), (DiffKind.Removed, "b"), (DiffKind.Added, "B"), (DiffKind.Same, "c")],
            diff);
    }

    [Fact]
    public void Compare_FromNothing_IsAllAdded() =>
        Assert.All(LineDiff.Compare(null, "x\ny"), d => Assert.Equal(DiffKind.Added, d.Kind));
}
