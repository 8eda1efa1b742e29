using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.UnitTests.NeedsAndConstraints;

/// <summary>Each move of the register's lifecycle, allowed and refused, one at a time.</summary>
public sealed class FollowUpLifecycleTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly EstablishmentRef Mirleft = new(1, 10);

    private static AccessScope Scope(string role, int? directorate, params int[] establishments) =>
        new("u", new HashSet<string> { role }, directorate, establishments.ToHashSet());

    private static readonly AccessScope Director = Scope(Roles.EstablishmentDirector, 10, 1);
    private static readonly AccessScope OtherDirector = Scope(Roles.EstablishmentDirector, 10, 2);
    private static readonly AccessScope Staff = Scope(Roles.DirectorateStaff, 10);
    private static readonly AccessScope OtherStaff = Scope(Roles.DirectorateStaff, 20);
    private static readonly AccessScope RegionalDirector = Scope(Roles.RegionalDirector, 10);

    private static Constraint Item(FollowUpStatus status) => new() { Description = "Internat fermé", Status = status };

    [Fact]
    public void Acknowledge_ARaisedItem_MakesItAcknowledged()
    {
        var item = Item(FollowUpStatus.Raised);

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Acknowledge), Today);

        Assert.Equal((ResultStatus.Succeeded, FollowUpEventKind.Acknowledged, FollowUpStatus.Acknowledged), (result.Status, result.Value, item.Status));
    }

    [Theory]
    [InlineData(FollowUpStatus.Acknowledged)]
    [InlineData(FollowUpStatus.InProgress)]
    [InlineData(FollowUpStatus.Closed)]
    public void Acknowledge_AnItemNoLongerRaised_IsAConflictAndChangesNothing(FollowUpStatus status)
    {
        var item = Item(status);

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Acknowledge), Today);

        Assert.Equal((ResultStatus.Conflict, status), (result.Status, item.Status));
    }

    [Theory]
    [InlineData(FollowUpStatus.Raised)]
    [InlineData(FollowUpStatus.Acknowledged)]
    [InlineData(FollowUpStatus.InProgress)]
    [InlineData(FollowUpStatus.Deferred)]
    public void Assign_WithOwnerAndDueDate_PutsTheItemInProgress(FollowUpStatus from)
    {
        var item = Item(from);
        item.DeferredUntil = Today.AddDays(30);

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Assign, ItemOwner.Directorate, Today.AddDays(60), " Réhabiliter l'internat "), Today);

        Assert.True(result.Succeeded);
        Assert.Equal((FollowUpStatus.InProgress, ItemOwner.Directorate, Today.AddDays(60), "Réhabiliter l'internat", (DateOnly?)null),
            (item.Status, item.Owner, item.DueOn, item.Plan, item.DeferredUntil));
    }

    [Fact]
    public void Assign_WithoutOwnerOrDueDate_IsInvalidOnBothFields()
    {
        var item = Item(FollowUpStatus.Acknowledged);

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Assign), Today);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["Owner", "DueOn"], result.Errors.Select(e => e.Field));
        Assert.Equal(FollowUpStatus.Acknowledged, item.Status);
    }

    [Fact]
    public void Assign_WithADueDateInThePast_IsInvalid()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.Acknowledged), new FollowUpCommand(FollowUpAction.Assign, ItemOwner.Partner, Today.AddDays(-1)), Today);

        Assert.Equal(Messages.DueDateInPast, Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public void Assign_AClosedItem_IsAConflict()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.Closed), new FollowUpCommand(FollowUpAction.Assign, ItemOwner.Partner, Today), Today);

        Assert.Equal(ResultStatus.Conflict, result.Status);
    }

    [Fact]
    public void Resolve_WithWhatWasDoneAndTheDay_MakesItResolved()
    {
        var item = Item(FollowUpStatus.InProgress);

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Resolve, Text: "Internat rouvert", On: Today), Today);

        Assert.True(result.Succeeded);
        Assert.Equal((FollowUpStatus.Resolved, "Internat rouvert", (DateOnly?)Today), (item.Status, item.Outcome, item.OutcomeOn));
    }

    [Fact]
    public void Resolve_WithoutWhatWasDone_IsInvalid()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.InProgress), new FollowUpCommand(FollowUpAction.Resolve, Text: "  ", On: Today), Today);

        Assert.Equal(("Text", Messages.WhatWasDoneRequired), (Assert.Single(result.Errors).Field, result.Errors[0].MessageKey));
    }

    [Fact]
    public void Resolve_OnADayInTheFuture_IsInvalid()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.InProgress), new FollowUpCommand(FollowUpAction.Resolve, Text: "Fait", On: Today.AddDays(1)), Today);

        Assert.Equal(Messages.ResolvedOnInFuture, Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public void Resolve_ARaisedItem_IsAConflict()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.Raised), new FollowUpCommand(FollowUpAction.Resolve, Text: "Fait", On: Today), Today);

        Assert.Equal(ResultStatus.Conflict, result.Status);
    }

    [Fact]
    public void Decline_WithAReason_MakesItDeclined()
    {
        var item = Item(FollowUpStatus.Acknowledged);

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Decline, Text: "Hors des moyens de la direction"), Today);

        Assert.True(result.Succeeded);
        Assert.Equal((FollowUpStatus.Declined, "Hors des moyens de la direction"), (item.Status, item.Outcome));
    }

    [Fact]
    public void Decline_WithoutAReason_IsInvalid()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.Acknowledged), new FollowUpCommand(FollowUpAction.Decline), Today);

        Assert.Equal(Messages.FollowUpReasonRequired, Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public void Defer_UntilALaterDay_MakesItDeferred()
    {
        var item = Item(FollowUpStatus.InProgress);

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Defer, On: Today.AddDays(90)), Today);

        Assert.True(result.Succeeded);
        Assert.Equal((FollowUpStatus.Deferred, (DateOnly?)Today.AddDays(90)), (item.Status, item.DeferredUntil));
    }

    [Fact]
    public void Defer_UntilToday_IsInvalid()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.InProgress), new FollowUpCommand(FollowUpAction.Defer, On: Today), Today);

        Assert.Equal(Messages.DeferUntilAfterToday, Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public void Confirm_AResolution_ClosesTheItem()
    {
        var item = Item(FollowUpStatus.Resolved);

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Confirm), Today);

        Assert.Equal((FollowUpEventKind.Confirmed, FollowUpStatus.Closed), (result.Value, item.Status));
    }

    [Fact]
    public void Confirm_AnItemNotResolved_IsAConflict()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.InProgress), new FollowUpCommand(FollowUpAction.Confirm), Today);

        Assert.Equal(ResultStatus.Conflict, result.Status);
    }

    [Fact]
    public void Reopen_AResolutionWithAReason_PutsItBackInProgressAndClearsTheOutcome()
    {
        var item = Item(FollowUpStatus.Resolved);
        item.Outcome = "Fait";
        item.OutcomeOn = Today;

        var result = FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Reopen, Text: "L'internat est toujours fermé"), Today);

        Assert.True(result.Succeeded);
        Assert.Equal((FollowUpStatus.InProgress, (string?)null, (DateOnly?)null), (item.Status, item.Outcome, item.OutcomeOn));
    }

    [Fact]
    public void Reopen_WithoutAReason_IsInvalid()
    {
        var result = FollowUpLifecycle.Apply(Item(FollowUpStatus.Resolved), new FollowUpCommand(FollowUpAction.Reopen), Today);

        Assert.Equal(Messages.FollowUpReasonRequired, Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public void Comment_KeepsTheStatus_AndNeedsText()
    {
        var item = Item(FollowUpStatus.Closed);

        Assert.True(FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Comment, Text: "Merci"), Today).Succeeded);
        Assert.Equal(FollowUpStatus.Closed, item.Status);
        Assert.Equal(Messages.FollowUpCommentRequired, Assert.Single(FollowUpLifecycle.Apply(item, new FollowUpCommand(FollowUpAction.Comment), Today).Errors).MessageKey);
    }

    [Theory]
    [InlineData(FollowUpStatus.Raised, true)]
    [InlineData(FollowUpStatus.Resolved, true)]
    [InlineData(FollowUpStatus.Closed, false)]
    [InlineData(FollowUpStatus.Declined, false)]
    public void Withdraw_ClosesOnlyWhatANewSheetShows(FollowUpStatus status, bool withdrawn)
    {
        var item = Item(status);

        Assert.Equal(withdrawn, FollowUpLifecycle.Withdraw(item));
        Assert.Equal(withdrawn ? FollowUpStatus.Closed : status, item.Status);
    }

    [Fact]
    public void Overdue_IsAnOpenItemPastItsDueDate()
    {
        Assert.True(FollowUpLifecycle.IsOverdue(FollowUpStatus.InProgress, Today.AddDays(-1), Today));
        Assert.False(FollowUpLifecycle.IsOverdue(FollowUpStatus.InProgress, Today, Today));
        Assert.False(FollowUpLifecycle.IsOverdue(FollowUpStatus.Resolved, Today.AddDays(-1), Today));
        Assert.False(FollowUpLifecycle.IsOverdue(FollowUpStatus.InProgress, null, Today));
    }

    public static TheoryData<string, FollowUpAction, bool> Who => new()
    {
        { nameof(Staff), FollowUpAction.Assign, true },
        { nameof(RegionalDirector), FollowUpAction.Resolve, true },
        { nameof(OtherStaff), FollowUpAction.Acknowledge, false },
        { nameof(Director), FollowUpAction.Assign, false },
        { nameof(Director), FollowUpAction.Resolve, false },
        { nameof(Director), FollowUpAction.Confirm, true },
        { nameof(Director), FollowUpAction.Reopen, true },
        { nameof(Director), FollowUpAction.Comment, true },
        { nameof(OtherDirector), FollowUpAction.Confirm, false },
        { nameof(OtherDirector), FollowUpAction.Comment, false },
        { nameof(Staff), FollowUpAction.Confirm, false },
        { nameof(Staff), FollowUpAction.Comment, true },
        { nameof(OtherStaff), FollowUpAction.Comment, false },
    };

    [Theory]
    [MemberData(nameof(Who))]
    public void MayAct_FollowsTheRoleAndThePerimeter(string who, FollowUpAction action, bool allowed)
    {
        var scope = who switch
        {
            nameof(Staff) => Staff, nameof(OtherStaff) => OtherStaff, nameof(RegionalDirector) => RegionalDirector,
            nameof(Director) => Director, _ => OtherDirector,
        };

        Assert.Equal(allowed, FollowUpLifecycle.MayAct(scope, action, Mirleft));
    }

    [Fact]
    public void Available_ToTheDirectorOnAResolvedItem_IsConfirmReopenAndComment()
    {
        Assert.Equal([FollowUpAction.Confirm, FollowUpAction.Reopen, FollowUpAction.Comment], FollowUpLifecycle.Available(Director, FollowUpStatus.Resolved, Mirleft));
    }
}
