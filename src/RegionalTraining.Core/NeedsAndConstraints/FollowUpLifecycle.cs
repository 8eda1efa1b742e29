using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>What someone does to a register item.</summary>
public enum FollowUpAction
{
    Acknowledge = 1,
    Assign = 2,
    Resolve = 3,
    Decline = 4,
    Defer = 5,
    Confirm = 6,
    Reopen = 7,
    Comment = 8,

    /// <summary>Beyond the directorate's means: handed to the national office, with the reason.</summary>
    Escalate = 9,
}

/// <summary>
/// One step on an item. <paramref name="Text"/> is the plan's companion for nothing: it is what was done (resolve), the
/// reason (decline, reopen), a note (defer) or the comment; <paramref name="On"/> is the day it was resolved or the day
/// a deferral ends; <paramref name="Evidence"/> is the optional photo or document of a resolution (ignored otherwise).
/// </summary>
public sealed record FollowUpCommand(
    FollowUpAction Action, ItemOwner? Owner = null, DateOnly? DueOn = null, string? Plan = null, string? Text = null, DateOnly? On = null,
    EvidenceUpload? Evidence = null);

/// <summary>
/// The register's lifecycle: Raised → Acknowledged → In progress (owner, due date, plan) → Resolved, Declined or
/// Deferred; the establishment's director confirms a resolution (Closed) or reopens it. Plain functions, so each move
/// is tested alone; the service adds the access check, the history and the save.
/// </summary>
public static class FollowUpLifecycle
{
    /// <summary>Still waiting for an answer: counted as open, and overdue when past its due date.</summary>
    public static readonly FollowUpStatus[] Open = [FollowUpStatus.Raised, FollowUpStatus.Acknowledged, FollowUpStatus.InProgress, FollowUpStatus.Deferred];

    /// <summary>What a new year's sheet shows again: everything not closed or declined, a resolution awaiting confirmation included.</summary>
    public static readonly FollowUpStatus[] CarriedToNewSheet = [.. Open, FollowUpStatus.Resolved];

    /// <summary>The statuses an action may start from.</summary>
    public static IReadOnlyList<FollowUpStatus> AllowedFrom(FollowUpAction action) => action switch
    {
        FollowUpAction.Acknowledge => [FollowUpStatus.Raised],
        // Assigning a raised item acknowledges it on the way: staff answer it in one step.
        FollowUpAction.Assign => [FollowUpStatus.Raised, FollowUpStatus.Acknowledged, FollowUpStatus.InProgress, FollowUpStatus.Deferred],
        FollowUpAction.Resolve => [FollowUpStatus.Acknowledged, FollowUpStatus.InProgress],
        FollowUpAction.Decline => Open,
        FollowUpAction.Defer => [FollowUpStatus.Raised, FollowUpStatus.Acknowledged, FollowUpStatus.InProgress],
        FollowUpAction.Confirm or FollowUpAction.Reopen => [FollowUpStatus.Resolved],
        // Only an item the directorate has taken up can be found beyond its means; a raised one is acknowledged first.
        FollowUpAction.Escalate => [FollowUpStatus.Acknowledged, FollowUpStatus.InProgress, FollowUpStatus.Deferred],
        _ => Enum.GetValues<FollowUpStatus>(),
    };

    /// <summary>
    /// The directorate answers items (its regional director and staff, administrators); the establishment's own director
    /// confirms or reopens a resolution; both sides comment.
    /// </summary>
    public static bool MayAct(AccessScope scope, FollowUpAction action, EstablishmentRef owner) => action switch
    {
        FollowUpAction.Confirm or FollowUpAction.Reopen => scope.IsEstablishmentDirector && scope.EstablishmentIds.Contains(owner.EstablishmentId),
        FollowUpAction.Comment => scope.Can(AccessOperation.Read, owner),
        _ => scope.Has(Capability.DirectorateWork) && scope.CanReadDirectorate(owner.DirectorateId),
    };

    /// <summary>The actions this user may take on the item now (for the page's buttons); an escalated item is not escalated again.</summary>
    public static IReadOnlyList<FollowUpAction> Available(AccessScope scope, FollowUpStatus status, EstablishmentRef owner, bool escalated = false) =>
        Enum.GetValues<FollowUpAction>().Where(a => MayAct(scope, a, owner) && AllowedFrom(a).Contains(status) && !(escalated && a == FollowUpAction.Escalate)).ToList();

    /// <summary>Moves the item, or says why not; the value is the kind of history entry to write.</summary>
    public static Result<FollowUpEventKind> Apply(IRegisterItem item, FollowUpCommand command, DateOnly today)
    {
        if (!AllowedFrom(command.Action).Contains(item.Status))
        {
            return Result.Conflict(Messages.FollowUpMovedOn).With<FollowUpEventKind>();
        }

        if (command.Action == FollowUpAction.Escalate && item.EscalatedOn is not null)
        {
            return Result.Conflict(Messages.ItemAlreadyEscalated).With<FollowUpEventKind>();
        }

        var errors = Check(command, today);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors).With<FollowUpEventKind>();
        }

        var text = command.Text?.Trim();
        switch (command.Action)
        {
            case FollowUpAction.Acknowledge:
                item.Status = FollowUpStatus.Acknowledged;
                return Result.Success(FollowUpEventKind.Acknowledged);
            case FollowUpAction.Assign:
                item.Status = FollowUpStatus.InProgress;
                item.Owner = command.Owner;
                item.DueOn = command.DueOn;
                item.Plan = string.IsNullOrWhiteSpace(command.Plan) ? item.Plan : command.Plan.Trim();
                item.DeferredUntil = null;
                return Result.Success(FollowUpEventKind.Assigned);
            case FollowUpAction.Resolve:
                item.Status = FollowUpStatus.Resolved;
                item.Outcome = text;
                item.OutcomeOn = command.On;
                return Result.Success(FollowUpEventKind.Resolved);
            case FollowUpAction.Decline:
                item.Status = FollowUpStatus.Declined;
                item.Outcome = text;
                item.OutcomeOn = today;
                return Result.Success(FollowUpEventKind.Declined);
            case FollowUpAction.Defer:
                item.Status = FollowUpStatus.Deferred;
                item.DeferredUntil = command.On;
                return Result.Success(FollowUpEventKind.Deferred);
            case FollowUpAction.Confirm:
                item.Status = FollowUpStatus.Closed;
                return Result.Success(FollowUpEventKind.Confirmed);
            case FollowUpAction.Escalate:
                // The national office carries it from now on; the due date and plan stay as the directorate left them.
                item.Status = FollowUpStatus.InProgress;
                item.Owner = ItemOwner.NationalOffice;
                item.EscalatedOn = today;
                item.DeferredUntil = null;
                return Result.Success(FollowUpEventKind.Escalated);
            case FollowUpAction.Reopen:
                // Back to whoever carried it; what was claimed as done stays in the history, not on the item.
                item.Status = FollowUpStatus.InProgress;
                item.Outcome = null;
                item.OutcomeOn = null;
                return Result.Success(FollowUpEventKind.Reopened);
            default:
                return Result.Success(FollowUpEventKind.Commented);
        }
    }

    /// <summary>The establishment withdraws an item from its new sheet: no longer a need, so it is closed, whatever its state.</summary>
    public static bool Withdraw(IRegisterItem item)
    {
        if (!CarriedToNewSheet.Contains(item.Status))
        {
            return false;
        }

        item.Status = FollowUpStatus.Closed;
        return true;
    }

    /// <summary>Open, with a due date before today.</summary>
    public static bool IsOverdue(FollowUpStatus status, DateOnly? dueOn, DateOnly today) =>
        dueOn is { } due && due < today && status is FollowUpStatus.Raised or FollowUpStatus.Acknowledged or FollowUpStatus.InProgress;

    private static List<FieldError> Check(FollowUpCommand command, DateOnly today)
    {
        var errors = new List<FieldError>();
        var hasText = !string.IsNullOrWhiteSpace(command.Text);
        switch (command.Action)
        {
            case FollowUpAction.Assign:
                if (command.Owner is null || !Enum.IsDefined(command.Owner.Value))
                {
                    errors.Add(new FieldError(nameof(command.Owner), Messages.ChooseItemOwner));
                }

                if (command.DueOn is not { } due)
                {
                    errors.Add(new FieldError(nameof(command.DueOn), Messages.DueDateRequired));
                }
                else if (due < today)
                {
                    errors.Add(new FieldError(nameof(command.DueOn), Messages.DueDateInPast));
                }

                break;
            case FollowUpAction.Resolve:
                if (!hasText)
                {
                    errors.Add(new FieldError(nameof(command.Text), Messages.WhatWasDoneRequired));
                }

                if (command.On is not { } on)
                {
                    errors.Add(new FieldError(nameof(command.On), Messages.ResolvedOnRequired));
                }
                else if (on > today)
                {
                    errors.Add(new FieldError(nameof(command.On), Messages.ResolvedOnInFuture));
                }

                break;
            case FollowUpAction.Decline:
            case FollowUpAction.Reopen:
            case FollowUpAction.Escalate:
                if (!hasText)
                {
                    errors.Add(new FieldError(nameof(command.Text), Messages.FollowUpReasonRequired));
                }

                break;
            case FollowUpAction.Defer:
                if (command.On is not { } until || until <= today)
                {
                    errors.Add(new FieldError(nameof(command.On), Messages.DeferUntilAfterToday));
                }

                break;
            case FollowUpAction.Comment:
                if (!hasText)
                {
                    errors.Add(new FieldError(nameof(command.Text), Messages.FollowUpCommentRequired));
                }

                break;
        }

        return errors;
    }
}
