using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings.Corrections;
using RegionalTraining.Core.Meetings.Planning;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Meetings.Decisions;

public sealed record DecisionInput(
    string? TextFr, string? TextAr, DecisionOwnerKind OwnerKind, int? OwnerEstablishmentId, string? OwnerPartner, DateOnly? DueOn, IReadOnlyCollection<int> ConstraintIds,
    IReadOnlyCollection<int>? NeedIds = null);

public sealed record DecisionNoteInput(int DecisionId, string Text, DecisionStatus Status);

public sealed record ActionListItem(
    int DecisionId, int MeetingId, string MeetingTitleFr, string MeetingTitleAr, DateOnly MeetingDate, Bilingual Text, DecisionOwnerKind OwnerKind,
    string? OwnerFr, string? OwnerAr, DateOnly? DueOn, DecisionStatus Status, bool Overdue);

/// <summary>An open need or constraint of the directorate that a decision may answer.</summary>
public sealed record LinkableItem(int Id, string EstablishmentFr, string EstablishmentAr, string Description);

public sealed record LinkableItems(IReadOnlyList<LinkableItem> Constraints, IReadOnlyList<LinkableItem> Needs);

/// <summary>The decisions taken at meetings and their follow-up, up to the directorate's list of actions.</summary>
public interface IDecisionService
{
    /// <summary>
    /// Records a decision; only needs and constraints raised in the meeting's directorate are linked. A published
    /// meeting takes a new decision only with <paramref name="correctionReason"/> (<see cref="PublishedRecord"/>).
    /// </summary>
    Task<Result> AddDecisionAsync(AccessScope scope, int meetingId, DecisionInput input, string? correctionReason = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a progress note to a decision of the meeting, which takes the note's status. Follow-up, not a part of the
    /// published record: it needs no reason after publication and makes no correction.
    /// </summary>
    Task<Result> AddNoteAsync(AccessScope scope, int meetingId, DecisionNoteInput input, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ActionListItem>> ActionListAsync(AccessScope scope, bool overdueOnly, CancellationToken cancellationToken = default);

    /// <summary>The open needs and constraints of the directorate, to link to a new decision.</summary>
    Task<LinkableItems> LinkableAsync(int directorateId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class DecisionService(AppDbContext db, MeetingAccess access, ICurrentUser currentUser, LocalCalendar calendar, ILogger<DecisionService> logger) : IDecisionService
{
    private const int LinkableShown = 300;
    private static readonly DecisionStatus[] Open = [DecisionStatus.Open, DecisionStatus.InProgress];
    private static readonly FollowUpStatus[] OpenFollowUp = FollowUpLifecycle.Open;

    public async Task<Result> AddDecisionAsync(AccessScope scope, int meetingId, DecisionInput input, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var editable = await access.FindEditableWithTextAsync(
            scope, meetingId, correctionReason, new Bilingual(input.TextFr, input.TextAr), nameof(input.TextFr), Messages.DecisionTextMissing, cancellationToken);
        if (editable.Value is not { } meeting)
        {
            return editable;
        }

        var ids = input.ConstraintIds.Distinct().ToList();
        var constraints = await db.Constraints.Where(c => ids.Contains(c.Id) && c.Establishment!.Province!.Region!.DirectorateId == meeting.DirectorateId).ToListAsync(cancellationToken);
        var needIds = (input.NeedIds ?? []).Distinct().ToList();
        var needs = await db.Needs.Where(n => needIds.Contains(n.Id) && n.Establishment!.Province!.Region!.DirectorateId == meeting.DirectorateId).ToListAsync(cancellationToken);
        var owner = input.OwnerKind == DecisionOwnerKind.Establishment && input.OwnerEstablishmentId is { } id
            && (await access.EstablishmentsOfAsync(meeting.DirectorateId, [id], cancellationToken)).Contains(id) ? id : (int?)null;
        db.Decisions.Add(new Decision
        {
            MeetingId = meetingId, TextFr = Bilingual.Stored(input.TextFr), TextAr = Bilingual.Stored(input.TextAr), OwnerKind = input.OwnerKind, OwnerEstablishmentId = owner,
            OwnerPartner = input.OwnerKind == DecisionOwnerKind.Partner ? input.OwnerPartner?.Trim() : null,
            DueOn = input.DueOn, Constraints = constraints, Needs = needs,
        });
        return await access.SaveAsync(meeting, new PublicChange(MeetingPart.Decisions, correctionReason, null, MeetingPlanningService.Join(input.TextFr?.Trim(), input.TextAr?.Trim())), cancellationToken);
    }

    public async Task<Result> AddNoteAsync(AccessScope scope, int meetingId, DecisionNoteInput input, CancellationToken cancellationToken = default)
    {
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == input.DecisionId && d.MeetingId == meetingId, cancellationToken);
        if (decision is null || await access.FindAsync(scope, meetingId, cancellationToken) is null)
        {
            return Result.NotFound();
        }

        decision.Status = input.Status;
        decision.Notes.Add(new DecisionNote { Text = input.Text.Trim(), Status = input.Status, AtUtc = calendar.UtcNow, UserName = currentUser.Name });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Decision {DecisionId} now {DecisionStatus}", input.DecisionId, input.Status);
        return Result.Success();
    }

    public async Task<IReadOnlyList<ActionListItem>> ActionListAsync(AccessScope scope, bool overdueOnly, CancellationToken cancellationToken = default)
    {
        var today = calendar.Today;
        var directorateId = scope.DirectorateOfWork;
        var query = db.Decisions.AsNoTracking().Where(d => directorateId == null || d.Meeting!.DirectorateId == directorateId);
        if (overdueOnly)
        {
            query = query.Where(d => d.DueOn != null && d.DueOn < today && Open.Contains(d.Status));
        }

        var rows = await query.OrderBy(d => d.DueOn == null).ThenBy(d => d.DueOn)
            .Select(d => new
            {
                d.Id, d.MeetingId, d.Meeting!.TitleFr, d.Meeting.TitleAr, d.Meeting.StartsOn, d.TextFr, d.TextAr, d.OwnerKind,
                OwnerFr = d.OwnerKind == DecisionOwnerKind.Establishment ? d.OwnerEstablishment!.NameFr : d.OwnerPartner,
                OwnerAr = d.OwnerKind == DecisionOwnerKind.Establishment ? d.OwnerEstablishment!.NameAr : d.OwnerPartner,
                d.DueOn, d.Status,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ActionListItem(r.Id, r.MeetingId, r.TitleFr, r.TitleAr, r.StartsOn, new Bilingual(r.TextFr, r.TextAr), r.OwnerKind, r.OwnerFr, r.OwnerAr, r.DueOn, r.Status,
            r.DueOn is { } due && due < today && Open.Contains(r.Status))).ToList();
    }

    public async Task<LinkableItems> LinkableAsync(int directorateId, CancellationToken cancellationToken = default)
    {
        var constraints = await db.Constraints.AsNoTracking()
            .Where(c => OpenFollowUp.Contains(c.Status) && c.Establishment!.Province!.Region!.DirectorateId == directorateId)
            .OrderBy(c => c.Establishment!.NameFr).Take(LinkableShown)
            .Select(c => new LinkableItem(c.Id, c.Establishment!.NameFr, c.Establishment.NameAr, c.Description))
            .ToListAsync(cancellationToken);
        var needs = await db.Needs.AsNoTracking()
            .Where(n => OpenFollowUp.Contains(n.Status) && n.Establishment!.Province!.Region!.DirectorateId == directorateId)
            .OrderBy(n => n.Establishment!.NameFr).Take(LinkableShown)
            .Select(n => new LinkableItem(n.Id, n.Establishment!.NameFr, n.Establishment.NameAr, n.Description))
            .ToListAsync(cancellationToken);
        return new LinkableItems(constraints, needs);
    }
}
