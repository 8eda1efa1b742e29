using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings.Corrections;

namespace RegionalTraining.UnitTests.Meetings.Corrections;

public sealed class PublishedRecordTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EnsureEditable_BeforePublication_NeedsNoReason(string? reason) =>
        Assert.True(PublishedRecord.EnsureEditable(published: false, reason).Succeeded);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void EnsureEditable_Published_WithoutAReason_IsInvalidOnTheReasonField(string? reason)
    {
        var result = PublishedRecord.EnsureEditable(published: true, reason);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal((PublishedRecord.ReasonField, Messages.SummaryReasonRequired), (error.Field, error.MessageKey));
    }

    [Fact]
    public void EnsureEditable_Published_WithAReason_Succeeds() =>
        Assert.True(PublishedRecord.EnsureEditable(published: true, "Nom du représentant mal orthographié").Succeeded);

    [Fact]
    public void EnsureEditable_Published_WithAReasonLongerThanItsColumn_IsInvalid()
    {
        Assert.True(PublishedRecord.EnsureEditable(true, new string('a', FieldLengths.Reason)).Succeeded);

        var result = PublishedRecord.EnsureEditable(true, new string('a', FieldLengths.Reason + 1));

        Assert.Equal(Messages.CorrectionReasonTooLong, Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public void Clip_KeepsASummaryWithinItsColumn_AndDropsAnEmptyOne()
    {
        Assert.Null(PublishedRecord.Clip("  "));
        Assert.Equal("avant", PublishedRecord.Clip(" avant "));
        Assert.Equal(PublishedRecord.SummaryLength, PublishedRecord.Clip(new string('x', PublishedRecord.SummaryLength * 2))!.Length);
    }
}
