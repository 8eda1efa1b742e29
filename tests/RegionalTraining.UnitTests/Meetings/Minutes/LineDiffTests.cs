using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Minutes;

namespace RegionalTraining.UnitTests.Meetings.Minutes;

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
        Assert.Equal([(DiffKind.Added, "x"), (DiffKind.Added, "y")], LineDiff.Compare(null, "x\ny"));

    [Fact]
    public void Compare_ToNothing_IsAllRemoved_AndTwoEmptyTextsHaveNoLine()
    {
        Assert.Equal([(DiffKind.Removed, "x")], LineDiff.Compare("x", string.Empty));
        Assert.Empty(LineDiff.Compare(null, null));
    }

    [Fact]
    public void Compare_WindowsAndUnixLineEnds_AreTheSameLines() =>
        Assert.All(LineDiff.Compare("# قرارات\r\n- Sidi-Ifni\r\n", "# قرارات\n- Sidi-Ifni\n"), d => Assert.Equal(DiffKind.Same, d.Kind));

    [Fact]
    public void Compare_LinesAddedAndRemovedAroundKeptOnes_KeepsTheOrderOfBothTexts()
    {
        var diff = LineDiff.Compare("1\n2\n3\n4", "0\n1\n3\n4\n5");

        Assert.Equal([(DiffKind.Added, "0"), (DiffKind.Same, "1"), (DiffKind.Removed, "2"), (DiffKind.Same, "3"), (DiffKind.Same, "4"), (DiffKind.Added, "5")], diff);
    }

    /// <summary>
    /// The previous longest-common-subsequence table needed 20,000 × 20,000 counters here (1.6 GB, and an
    /// OutOfMemoryException on a small server); memory must now grow with the texts, not with their product.
    /// </summary>
    [Fact]
    public void Compare_TwoTextsOf20000Lines_CompletesInMemoryProportionalToTheTexts()
    {
        var before = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => $"Ligne {i} du procès-verbal"));
        var after = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => i % 10 == 0 ? $"سطر {i} معدل" : $"Ligne {i} du procès-verbal"));

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var diff = LineDiff.Compare(before, after);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.InRange(allocated, 0, 64L * 1024 * 1024);
        Assert.Equal(18_000, diff.Count(d => d.Kind == DiffKind.Same));
        Assert.Equal(2_000, diff.Count(d => d.Kind == DiffKind.Removed));
        Assert.Equal(2_000, diff.Count(d => d.Kind == DiffKind.Added));
    }
}
