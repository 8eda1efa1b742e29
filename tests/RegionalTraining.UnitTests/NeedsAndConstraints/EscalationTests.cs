using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.UnitTests.NeedsAndConstraints;

/// <summary>Escalation to the national office, allowed and refused, one rule at a time.</summary>
public sealed class EscalationTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly EstablishmentRef Mirleft = new(1, 10);

    private static AccessScope Scope(string role, int? directorate, params int[] establishments) =>
        new("u", new HashSet<string> { role }, directorate, establishments.ToHashSet());

    private static Constraint Item(FollowUpStatus status) => new() { Description = "Internat fermé", Status = status, Owner = ItemOwner.Directorate, DueOn = Today.AddDays(20) };

    private static FollowUpCommand Escalate(string? reason = "Budget national requis") => new(FollowUpAction.Escalate, Text: reason);

    [Theory]
    [InlineData(FollowUpStatus.Acknowledged)]
    [InlineData(FollowUpStatus.InProgress)]
    [InlineData(FollowUpStatus.Deferred)]
    public void Escalate_WithAReason_HandsTheItemToTheNationalOffice(FollowUpStatus from)
    {
        var item = Item(from);
        item.DeferredUntil = Today.AddDays(10);

        var result = FollowUpLifecycle.Apply(item, Escalate(), Today);

        Assert.Equal((ResultStatus.Succeeded, FollowUpEventKind.Escalated), (result.Status, result.Value));
        Assert.Equal((FollowUpStatus.InProgress, ItemOwner.NationalOffice, (DateOnly?)Today, (DateOnly?)null), (item.Status, item.Owner, item.EscalatedOn, item.DeferredUntil));
    }

    [Theory]
    [InlineData(FollowUpStatus.Raised)]
    [InlineData(FollowUpStatus.Resolved)]
    [InlineData(FollowUpStatus.Closed)]
    [InlineData(FollowUpStatus.Declined)]
    public void Escalate_FromAStatusOutsideTheRule_IsAConflictAndChangesNothing(FollowUpStatus from)
    {
        var item = Item(from);

        var result = FollowUpLifecycle.Apply(item, Escalate(), Today);

        Assert.Equal((ResultStatus.Conflict, from, ItemOwner.Directorate, (DateOnly?)null), (result.Status, item.Status, item.Owner, item.EscalatedOn));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Escalate_WithoutAReason_IsInvalid(string? reason)
    {
        var item = Item(FollowUpStatus.InProgress);

        var result = FollowUpLifecycle.Apply(item, Escalate(reason), Today);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(nameof(FollowUpCommand.Text), Assert.Single(result.Errors).Field);
        Assert.Null(item.EscalatedOn);
    }

    [Fact]
    public void Escalate_AnItemAlreadyEscalated_IsAConflict()
    {
        var item = Item(FollowUpStatus.InProgress);
        item.EscalatedOn = Today.AddDays(-5);

        var result = FollowUpLifecycle.Apply(item, Escalate(), Today);

        Assert.Equal((ResultStatus.Conflict, Messages.ItemAlreadyEscalated), (result.Status, result.Errors.Single().MessageKey));
        Assert.Equal(Today.AddDays(-5), item.EscalatedOn);
    }

    [Theory]
    [InlineData(Roles.DirectorateStaff, 10, true)]
    [InlineData(Roles.RegionalDirector, 10, true)]
    [InlineData(Roles.DirectorateStaff, 20, false)]
    [InlineData(Roles.EstablishmentDirector, 10, false)]
    public void MayEscalate_FollowsTheRoleAndTheDirectorate(string role, int directorate, bool allowed)
    {
        var scope = role == Roles.EstablishmentDirector ? Scope(role, directorate, 1) : Scope(role, directorate);

        Assert.Equal(allowed, FollowUpLifecycle.MayAct(scope, FollowUpAction.Escalate, Mirleft));
    }

    [Fact]
    public void Available_OnAnEscalatedItem_NoLongerOffersEscalation()
    {
        var staff = Scope(Roles.DirectorateStaff, 10);

        Assert.Contains(FollowUpAction.Escalate, FollowUpLifecycle.Available(staff, FollowUpStatus.InProgress, Mirleft));
        Assert.DoesNotContain(FollowUpAction.Escalate, FollowUpLifecycle.Available(staff, FollowUpStatus.InProgress, Mirleft, escalated: true));
    }
}
