using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Minutes;

namespace RegionalTraining.UnitTests.Meetings.Minutes;

public sealed class SummaryWorkflowTests
{
    private static AccessScope Scope(string role, int? directorate) => new("u", new HashSet<string> { role }, directorate, new HashSet<int>());

    [Theory]
    [InlineData(SummaryStatus.Draft, SummaryAction.SendToReview, SummaryStatus.InReview)]
    [InlineData(SummaryStatus.InReview, SummaryAction.Approve, SummaryStatus.Approved)]
    [InlineData(SummaryStatus.InReview, SummaryAction.SendBack, SummaryStatus.Draft)]
    [InlineData(SummaryStatus.Approved, SummaryAction.Publish, SummaryStatus.Published)]
    [InlineData(SummaryStatus.Published, SummaryAction.Correct, SummaryStatus.Published)]
    public void Next_AllowedTransition_GoesToExpectedStatus(SummaryStatus from, SummaryAction action, SummaryStatus to) =>
        Assert.Equal(to, SummaryWorkflow.Next(from, action));

    [Theory]
    [InlineData(SummaryStatus.Draft, SummaryAction.Publish)]
    [InlineData(SummaryStatus.Draft, SummaryAction.Approve)]
    [InlineData(SummaryStatus.InReview, SummaryAction.Edit)]
    [InlineData(SummaryStatus.InReview, SummaryAction.Publish)]
    [InlineData(SummaryStatus.Approved, SummaryAction.Edit)]
    [InlineData(SummaryStatus.Published, SummaryAction.Edit)]
    [InlineData(SummaryStatus.Published, SummaryAction.SendBack)]
    public void Next_ForbiddenTransition_IsNull(SummaryStatus from, SummaryAction action) =>
        Assert.Null(SummaryWorkflow.Next(from, action));

    [Fact]
    public void Approve_OnlyByTheRegionalDirectorOfTheDirectorate()
    {
        Assert.True(SummaryWorkflow.Can(Scope(Roles.RegionalDirector, 1), SummaryAction.Approve, SummaryStatus.InReview, 1));
        Assert.False(SummaryWorkflow.Can(Scope(Roles.DirectorateStaff, 1), SummaryAction.Approve, SummaryStatus.InReview, 1));
        Assert.False(SummaryWorkflow.Can(Scope(Roles.RegionalDirector, 2), SummaryAction.Approve, SummaryStatus.InReview, 1));
        Assert.False(SummaryWorkflow.Can(Scope(Roles.EstablishmentDirector, 1), SummaryAction.Approve, SummaryStatus.InReview, 1));
    }

    [Fact]
    public void WriteAndPublish_ByStaffOfTheDirectorate()
    {
        Assert.True(SummaryWorkflow.Can(Scope(Roles.DirectorateStaff, 1), SummaryAction.Edit, SummaryStatus.Draft, 1));
        Assert.True(SummaryWorkflow.Can(Scope(Roles.DirectorateStaff, 1), SummaryAction.Publish, SummaryStatus.Approved, 1));
        Assert.False(SummaryWorkflow.Can(Scope(Roles.DirectorateStaff, 2), SummaryAction.Edit, SummaryStatus.Draft, 1));
        Assert.False(SummaryWorkflow.Can(Scope(Roles.EstablishmentDirector, 1), SummaryAction.Edit, SummaryStatus.Draft, 1));
    }

    [Fact]
    public void Allowed_ListsTheButtonsOfTheCallerForTheCurrentStatus()
    {
        Assert.Equal([SummaryAction.Approve, SummaryAction.SendBack], SummaryWorkflow.Allowed(Scope(Roles.RegionalDirector, 1), SummaryStatus.InReview, 1));
        Assert.Equal([SummaryAction.Publish], SummaryWorkflow.Allowed(Scope(Roles.DirectorateStaff, 1), SummaryStatus.Approved, 1));
        Assert.Empty(SummaryWorkflow.Allowed(Scope(Roles.DirectorateStaff, 1), null, 1));
        Assert.Empty(SummaryWorkflow.Allowed(Scope(Roles.Administrator, null), SummaryStatus.Draft, 1));
    }

    [Fact]
    public void DoneMessage_IsALiteralMessageOfItsOwnForEachChangeOfState()
    {
        var actions = new[] { SummaryAction.SendToReview, SummaryAction.Approve, SummaryAction.SendBack, SummaryAction.Publish };

        var messages = actions.Select(RegionalTraining.Core.Common.Messages.SummaryActionDone).ToList();

        Assert.Equal(actions.Length, messages.Distinct().Count());
        Assert.DoesNotContain(RegionalTraining.Core.Common.Messages.SummarySaved, messages);
    }
}
