using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.UnitTests.Profiles;

public sealed class ProfileWorkflowTests
{
    private static readonly EstablishmentRef Mirleft = new(1, 10);

    private static AccessScope Scope(string role, int? directorate, params int[] establishments) =>
        new("u", new HashSet<string> { role }, directorate, establishments.ToHashSet());

    private static readonly AccessScope Director = Scope(Roles.EstablishmentDirector, 10, 1);
    private static readonly AccessScope OtherDirector = Scope(Roles.EstablishmentDirector, 10, 2);
    private static readonly AccessScope Staff = Scope(Roles.DirectorateStaff, 10);
    private static readonly AccessScope RegionalDirector = Scope(Roles.RegionalDirector, 10);
    private static readonly AccessScope OtherRegionalDirector = Scope(Roles.RegionalDirector, 20);
    private static readonly AccessScope Administrator = Scope(Roles.Administrator, null);

    [Theory]
    [InlineData(ProfileStatus.Draft, ProfileAction.Submit, ProfileStatus.Submitted)]
    [InlineData(ProfileStatus.Returned, ProfileAction.Submit, ProfileStatus.Submitted)]
    [InlineData(ProfileStatus.Submitted, ProfileAction.Return, ProfileStatus.Returned)]
    [InlineData(ProfileStatus.Submitted, ProfileAction.Approve, ProfileStatus.Approved)]
    [InlineData(ProfileStatus.Approved, ProfileAction.Reopen, ProfileStatus.Returned)]
    public void Next_AllowedTransition_GoesToTheExpectedStatus(ProfileStatus from, ProfileAction action, ProfileStatus to) =>
        Assert.Equal(to, ProfileWorkflow.Next(from, action));

    [Theory]
    [InlineData(ProfileStatus.Draft, ProfileAction.Approve)]
    [InlineData(ProfileStatus.Draft, ProfileAction.Return)]
    [InlineData(ProfileStatus.Submitted, ProfileAction.Submit)]
    [InlineData(ProfileStatus.Submitted, ProfileAction.Edit)]
    [InlineData(ProfileStatus.Approved, ProfileAction.Edit)]
    [InlineData(ProfileStatus.Approved, ProfileAction.Return)]
    [InlineData(ProfileStatus.Returned, ProfileAction.Approve)]
    [InlineData(ProfileStatus.Draft, ProfileAction.Reopen)]
    public void Next_ForbiddenTransition_IsNull(ProfileStatus from, ProfileAction action) =>
        Assert.Null(ProfileWorkflow.Next(from, action));

    [Theory]
    [InlineData(ProfileStatus.Draft, true)]
    [InlineData(ProfileStatus.Returned, true)]
    [InlineData(ProfileStatus.Submitted, false)]
    [InlineData(ProfileStatus.Approved, false)]
    public void IsEditable_OnlyDraftAndReturned(ProfileStatus status, bool expected) =>
        Assert.Equal(expected, ProfileWorkflow.IsEditable(status));

    [Fact]
    public void EditAndSubmit_OnlyTheEstablishmentsDirector()
    {
        Assert.True(ProfileWorkflow.Can(Director, ProfileAction.Submit, ProfileStatus.Draft, Mirleft));
        Assert.False(ProfileWorkflow.Can(OtherDirector, ProfileAction.Submit, ProfileStatus.Draft, Mirleft));
        Assert.False(ProfileWorkflow.Can(Staff, ProfileAction.Edit, ProfileStatus.Draft, Mirleft));
        Assert.False(ProfileWorkflow.Can(RegionalDirector, ProfileAction.Submit, ProfileStatus.Draft, Mirleft));
        Assert.False(ProfileWorkflow.Can(Administrator, ProfileAction.Edit, ProfileStatus.Draft, Mirleft));
    }

    [Fact]
    public void Return_ByStaffOrRegionalDirectorOfTheDirectorate()
    {
        Assert.True(ProfileWorkflow.Can(Staff, ProfileAction.Return, ProfileStatus.Submitted, Mirleft));
        Assert.True(ProfileWorkflow.Can(RegionalDirector, ProfileAction.Return, ProfileStatus.Submitted, Mirleft));
        Assert.False(ProfileWorkflow.Can(OtherRegionalDirector, ProfileAction.Return, ProfileStatus.Submitted, Mirleft));
        Assert.False(ProfileWorkflow.Can(Director, ProfileAction.Return, ProfileStatus.Submitted, Mirleft));
    }

    [Fact]
    public void ApproveAndReopen_OnlyTheRegionalDirectorOfTheDirectorate()
    {
        Assert.True(ProfileWorkflow.Can(RegionalDirector, ProfileAction.Approve, ProfileStatus.Submitted, Mirleft));
        Assert.False(ProfileWorkflow.Can(Staff, ProfileAction.Approve, ProfileStatus.Submitted, Mirleft));
        Assert.False(ProfileWorkflow.Can(OtherRegionalDirector, ProfileAction.Approve, ProfileStatus.Submitted, Mirleft));
        Assert.True(ProfileWorkflow.Can(RegionalDirector, ProfileAction.Reopen, ProfileStatus.Approved, Mirleft));
        Assert.False(ProfileWorkflow.Can(Staff, ProfileAction.Reopen, ProfileStatus.Approved, Mirleft));
        Assert.False(ProfileWorkflow.Can(Director, ProfileAction.Reopen, ProfileStatus.Approved, Mirleft));
    }
}
