using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Meetings;

public sealed record MeetingInput(
    string TitleFr, string TitleAr, MeetingKind Kind, DateOnly StartsOn, DateOnly EndsOn, int? VenueEstablishmentId, string? VenueText,
    string? ChairName, MeetingStatus Status, bool AnnouncedPublicly, IReadOnlyCollection<int> InvitedEstablishmentIds);

public sealed record AgendaInput(AgendaItemType Type, string? TitleFr, string? TitleAr, string? Speaker, int? PlannedMinutes, int Day);

public sealed record InterventionInput(string Speaker, string? Role, int? EstablishmentId, string? SummaryFr, string? SummaryAr);

public sealed record DecisionInput(
    string Text, DecisionOwnerKind OwnerKind, int? OwnerEstablishmentId, string? OwnerPartner, DateOnly? DueOn, IReadOnlyCollection<int> ConstraintIds,
    IReadOnlyCollection<int>? NeedIds = null);

public sealed record AttendanceInput(int EstablishmentId, AttendanceStatus Attendance, string? RepresentedBy);

public sealed record MeetingListItem(int Id, string Slug, string TitleFr, string TitleAr, DateOnly StartsOn, DateOnly EndsOn, MeetingStatus Status, SummaryStatus? SummaryStatus);

public sealed record PublishedMeetingItem(string Slug, string TitleFr, string TitleAr, DateOnly StartsOn, DateOnly EndsOn, string? VenueFr, string? VenueAr, DateTime PublishedAtUtc, string ExcerptFr, string ExcerptAr);

public sealed record ActionListItem(int DecisionId, int MeetingId, string MeetingTitleFr, string MeetingTitleAr, DateOnly MeetingDate, string Text, DecisionOwnerKind OwnerKind, string? OwnerFr, string? OwnerAr, DateOnly? DueOn, DecisionStatus Status, bool Overdue);

public sealed record SummaryInput(string BodyFr, string BodyAr, string? PressStatementFr, string? PressStatementAr);

/// <summary>
/// Meetings of a directorate and everything recorded about them, managed by its staff and regional director;
/// and the published side, which shows only published summaries. Every change checks that the meeting belongs
/// to the caller's directorate (administrators reach all).
/// </summary>
public interface IMeetingService
{
    Task<IReadOnlyList<MeetingListItem>> ListAsync(AccessScope scope, CancellationToken cancellationToken = default);

    /// <summary>The whole meeting, or null when it does not exist or is outside the caller's directorate.</summary>
    Task<Meeting?> GetForStaffAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken = default);

    Task<SaveResult> SaveAsync(AccessScope scope, int? meetingId, int directorateId, MeetingInput input, byte[]? rowVersion, CancellationToken cancellationToken = default);

    Task<bool> AddAgendaItemAsync(AccessScope scope, int meetingId, AgendaInput input, CancellationToken cancellationToken = default);

    Task<bool> MoveAgendaItemAsync(AccessScope scope, int meetingId, int itemId, int offset, CancellationToken cancellationToken = default);

    Task<bool> RemoveAgendaItemAsync(AccessScope scope, int meetingId, int itemId, CancellationToken cancellationToken = default);

    Task<bool> SaveAttendanceAsync(AccessScope scope, int meetingId, IReadOnlyList<AttendanceInput> rows, CancellationToken cancellationToken = default);

    /// <summary>Adds an intervention; a presentation by an establishment copies its profile's key figures for the meeting's year.</summary>
    Task<bool> AddInterventionAsync(AccessScope scope, int meetingId, InterventionInput input, CancellationToken cancellationToken = default);

    Task<bool> RemoveInterventionAsync(AccessScope scope, int meetingId, int interventionId, CancellationToken cancellationToken = default);

    Task<bool> AddDecisionAsync(AccessScope scope, int meetingId, DecisionInput input, CancellationToken cancellationToken = default);

    /// <summary>Checks the file (type by content, size) and stores it under a random name outside the web root.</summary>
    Task<SaveResult> AddAttachmentAsync(AccessScope scope, int meetingId, Stream content, string fileName, string? caption, CancellationToken cancellationToken = default);

    Task<bool> RemoveAttachmentAsync(AccessScope scope, int meetingId, int attachmentId, CancellationToken cancellationToken = default);

    /// <summary>The attachment when the caller may see it: staff of the meeting's directorate, or anyone once the summary is published.</summary>
    Task<MeetingAttachment?> ReadableAttachmentAsync(AccessScope scope, int attachmentId, CancellationToken cancellationToken = default);

    Task<bool> AddDecisionNoteAsync(AccessScope scope, int decisionId, string text, DecisionStatus status, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ActionListItem>> ActionListAsync(AccessScope scope, bool overdueOnly, CancellationToken cancellationToken = default);

    /// <summary>Saves the draft of the minutes; refused as a conflict when it changed since <paramref name="rowVersion"/>.</summary>
    Task<SaveResult> SaveSummaryAsync(AccessScope scope, int meetingId, SummaryInput input, byte[]? rowVersion, string? correctionReason, CancellationToken cancellationToken = default);

    Task<SaveResult> TransitionSummaryAsync(AccessScope scope, int meetingId, SummaryAction action, CancellationToken cancellationToken = default);

    Task<PagedResult<PublishedMeetingItem>> PublishedAsync(string? search, int page, int pageSize = 10, CancellationToken cancellationToken = default);

    /// <summary>The published meeting at this address, or null (not published, or no such address).</summary>
    Task<Meeting?> PublishedBySlugAsync(string slug, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Meeting>> UpcomingAnnouncedAsync(CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class MeetingService(
    AppDbContext db, ICurrentUser currentUser, LocalCalendar calendar, IAttachmentStore attachments, ILogger<MeetingService> logger) : IMeetingService
{
    public const string EndsBeforeStart = "The last day must be on or after the first day.";
    public const string ReasonRequired = "Give the reason for the correction.";
    public const string NotEditable = "The summary cannot be changed in its current state.";
    public const string SummaryConflict = "Someone else saved the summary after you opened it. Your text was not saved and is still below. Compare it with the revisions, then save again.";

    public async Task<IReadOnlyList<MeetingListItem>> ListAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var directorateId = scope.DirectorateOfWork;
        return await db.Meetings.AsNoTracking()
            .Where(m => directorateId == null || m.DirectorateId == directorateId)
            .OrderByDescending(m => m.StartsOn)
            .Select(m => new MeetingListItem(m.Id, m.Slug, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn, m.Status, m.Summary != null ? m.Summary.Status : null))
            .ToListAsync(cancellationToken);
    }

    public async Task<Meeting?> GetForStaffAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await Full(db.Meetings.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        return meeting is not null && CanManage(scope, meeting.DirectorateId) ? meeting : null;
    }

    public async Task<SaveResult> SaveAsync(AccessScope scope, int? meetingId, int directorateId, MeetingInput input, byte[]? rowVersion, CancellationToken cancellationToken = default)
    {
        if (input.EndsOn < input.StartsOn)
        {
            return SaveResult.Invalid(new Dictionary<string, string> { ["EndsOn"] = EndsBeforeStart });
        }

        Meeting meeting;
        if (meetingId is null)
        {
            if (!CanManage(scope, directorateId))
            {
                return SaveResult.NotFound;
            }

            meeting = new Meeting { TitleFr = input.TitleFr, TitleAr = input.TitleAr, DirectorateId = directorateId, Slug = await UniqueSlugAsync(input, null, cancellationToken) };
            db.Meetings.Add(meeting);
        }
        else
        {
            var existing = await db.Meetings.Include(m => m.Invitations).Include(m => m.Summary).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
            if (existing is null || !CanManage(scope, existing.DirectorateId))
            {
                return SaveResult.NotFound;
            }

            meeting = existing;
            db.Entry(meeting).Property(m => m.RowVersion).OriginalValue = rowVersion ?? [];
            // The public address is fixed once published; before that it follows the title and date.
            if (meeting.Summary?.Status != SummaryStatus.Published)
            {
                var slug = MeetingSlug.For(input.StartsOn, input.TitleFr);
                if (slug != meeting.Slug && !meeting.Slug.StartsWith(slug + "-", StringComparison.Ordinal))
                {
                    meeting.Slug = await UniqueSlugAsync(input, meeting.Id, cancellationToken);
                }
            }
        }

        // Establishments named by the form must be of the meeting's directorate, whatever the form claims.
        var named = input.InvitedEstablishmentIds.Append(input.VenueEstablishmentId ?? 0).Where(id => id > 0).Distinct().ToList();
        var ofDirectorate = await EstablishmentsOfAsync(meeting.DirectorateId, named, cancellationToken);
        meeting.TitleFr = input.TitleFr.Trim();
        meeting.TitleAr = input.TitleAr.Trim();
        meeting.Kind = input.Kind;
        meeting.StartsOn = input.StartsOn;
        meeting.EndsOn = input.EndsOn;
        meeting.VenueEstablishmentId = input.VenueEstablishmentId is { } venue && ofDirectorate.Contains(venue) ? venue : null;
        meeting.VenueText = string.IsNullOrWhiteSpace(input.VenueText) ? null : input.VenueText.Trim();
        meeting.ChairName = input.ChairName?.Trim();
        meeting.Status = input.Status;
        meeting.AnnouncedPublicly = input.AnnouncedPublicly;
        var invited = input.InvitedEstablishmentIds.Where(ofDirectorate.Contains).ToHashSet();
        meeting.Invitations.RemoveAll(i => !invited.Contains(i.EstablishmentId));
        foreach (var id in invited.Where(id => meeting.Invitations.All(i => i.EstablishmentId != id)))
        {
            meeting.Invitations.Add(new MeetingInvitation { EstablishmentId = id });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }

        logger.LogInformation("Meeting {MeetingId} saved", meeting.Id);
        return SaveResult.Saved(meeting.Id);
    }

    public async Task<bool> AddAgendaItemAsync(AccessScope scope, int meetingId, AgendaInput input, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(scope, meetingId, cancellationToken))
        {
            return false;
        }

        var last = await db.AgendaItems.Where(a => a.MeetingId == meetingId).MaxAsync(a => (int?)a.Position, cancellationToken) ?? 0;
        db.AgendaItems.Add(new AgendaItem
        {
            MeetingId = meetingId, Position = last + 1, Type = input.Type, TitleFr = input.TitleFr?.Trim(), TitleAr = input.TitleAr?.Trim(),
            Speaker = input.Speaker?.Trim(), PlannedMinutes = input.PlannedMinutes, Day = Math.Max(1, input.Day),
        });
        await TouchAsync(meetingId, cancellationToken);
        return true;
    }

    public async Task<bool> MoveAgendaItemAsync(AccessScope scope, int meetingId, int itemId, int offset, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(scope, meetingId, cancellationToken))
        {
            return false;
        }

        var items = await db.AgendaItems.Where(a => a.MeetingId == meetingId).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var index = items.FindIndex(a => a.Id == itemId);
        var target = index + Math.Sign(offset);
        if (index < 0 || target < 0 || target >= items.Count)
        {
            return index >= 0;
        }

        (items[index], items[target]) = (items[target], items[index]);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i + 1;
        }

        await TouchAsync(meetingId, cancellationToken);
        return true;
    }

    public async Task<bool> RemoveAgendaItemAsync(AccessScope scope, int meetingId, int itemId, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(scope, meetingId, cancellationToken))
        {
            return false;
        }

        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == itemId && a.MeetingId == meetingId, cancellationToken);
        if (item is not null)
        {
            db.AgendaItems.Remove(item);
            await TouchAsync(meetingId, cancellationToken);
        }

        return true;
    }

    public async Task<bool> SaveAttendanceAsync(AccessScope scope, int meetingId, IReadOnlyList<AttendanceInput> rows, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(scope, meetingId, cancellationToken))
        {
            return false;
        }

        var invitations = await db.MeetingInvitations.Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var invitation = invitations.SingleOrDefault(i => i.EstablishmentId == row.EstablishmentId);
            if (invitation is not null)
            {
                invitation.Attendance = row.Attendance;
                invitation.RepresentedBy = row.RepresentedBy?.Trim();
            }
        }

        await TouchAsync(meetingId, cancellationToken);
        return true;
    }

    public async Task<bool> AddInterventionAsync(AccessScope scope, int meetingId, InterventionInput input, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !CanManage(scope, meeting.DirectorateId))
        {
            return false;
        }

        var last = await db.Interventions.Where(i => i.MeetingId == meetingId).MaxAsync(i => (int?)i.Position, cancellationToken) ?? 0;
        var intervention = new Intervention
        {
            MeetingId = meetingId, Position = last + 1, Speaker = input.Speaker.Trim(), Role = input.Role?.Trim(),
            EstablishmentId = input.EstablishmentId, SummaryFr = input.SummaryFr?.Trim(), SummaryAr = input.SummaryAr?.Trim(),
        };
        if (input.EstablishmentId is { } establishmentId)
        {
            if (!(await EstablishmentsOfAsync(meeting.DirectorateId, [establishmentId], cancellationToken)).Contains(establishmentId))
            {
                return false;
            }

            await FreezeFiguresAsync(intervention, establishmentId, meeting.StartsOn, cancellationToken);
        }

        db.Interventions.Add(intervention);
        await TouchAsync(meetingId, cancellationToken);
        return true;
    }

    public async Task<bool> RemoveInterventionAsync(AccessScope scope, int meetingId, int interventionId, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(scope, meetingId, cancellationToken))
        {
            return false;
        }

        var item = await db.Interventions.SingleOrDefaultAsync(i => i.Id == interventionId && i.MeetingId == meetingId, cancellationToken);
        if (item is not null)
        {
            db.Interventions.Remove(item);
            await TouchAsync(meetingId, cancellationToken);
        }

        return true;
    }

    public async Task<bool> AddDecisionAsync(AccessScope scope, int meetingId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !CanManage(scope, meeting.DirectorateId))
        {
            return false;
        }

        // Only constraints raised in this directorate can be linked.
        var ids = input.ConstraintIds.Distinct().ToList();
        var constraints = await db.Constraints.Where(c => ids.Contains(c.Id) && c.Establishment!.Province!.Region!.DirectorateId == meeting.DirectorateId).ToListAsync(cancellationToken);
        var needIds = (input.NeedIds ?? []).Distinct().ToList();
        var needs = await db.Needs.Where(n => needIds.Contains(n.Id) && n.Establishment!.Province!.Region!.DirectorateId == meeting.DirectorateId).ToListAsync(cancellationToken);
        db.Decisions.Add(new Decision
        {
            MeetingId = meetingId, Text = input.Text.Trim(), OwnerKind = input.OwnerKind,
            OwnerEstablishmentId = input.OwnerKind == DecisionOwnerKind.Establishment && input.OwnerEstablishmentId is { } owner
                && (await EstablishmentsOfAsync(meeting.DirectorateId, [owner], cancellationToken)).Contains(owner) ? owner : null,
            OwnerPartner = input.OwnerKind == DecisionOwnerKind.Partner ? input.OwnerPartner?.Trim() : null,
            DueOn = input.DueOn, Constraints = constraints, Needs = needs,
        });
        await TouchAsync(meetingId, cancellationToken);
        return true;
    }

    public async Task<bool> AddDecisionNoteAsync(AccessScope scope, int decisionId, string text, DecisionStatus status, CancellationToken cancellationToken = default)
    {
        var decision = await db.Decisions.Include(d => d.Meeting).SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null || !CanManage(scope, decision.Meeting!.DirectorateId))
        {
            return false;
        }

        decision.Status = status;
        decision.Notes.Add(new DecisionNote { Text = text.Trim(), Status = status, AtUtc = calendar.UtcNow, UserName = currentUser.Name });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Decision {DecisionId} now {DecisionStatus}", decisionId, status);
        return true;
    }

    public async Task<SaveResult> AddAttachmentAsync(AccessScope scope, int meetingId, Stream content, string fileName, string? caption, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(scope, meetingId, cancellationToken))
        {
            return SaveResult.NotFound;
        }

        // Read at most one byte past the limit: enough to refuse, never the whole of an oversized upload.
        var buffer = new MemoryStream();
        try
        {
            await content.CopyToAsync(new LimitedStream(buffer, AttachmentRules.MaximumBytes + 1), cancellationToken);
        }
        catch (LimitReachedException)
        {
            // The buffer now holds one byte more than allowed, which the check below refuses.
        }

        if (buffer.Length == 0)
        {
            return SaveResult.Invalid(new Dictionary<string, string> { ["File"] = AttachmentRules.Empty });
        }

        if (buffer.Length > AttachmentRules.MaximumBytes)
        {
            return SaveResult.Invalid(new Dictionary<string, string> { ["File"] = AttachmentRules.TooLarge });
        }

        var type = AttachmentRules.Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(16, buffer.Length)));
        if (type is null)
        {
            return SaveResult.Invalid(new Dictionary<string, string> { ["File"] = AttachmentRules.WrongType });
        }

        var stored = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        buffer.Position = 0;
        await attachments.SaveAsync(stored, buffer, cancellationToken);
        db.MeetingAttachments.Add(new MeetingAttachment
        {
            MeetingId = meetingId, OriginalName = AttachmentRules.NameFor(fileName, type), StoredName = stored, ContentType = type,
            Length = buffer.Length, Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim()[..Math.Min(FieldLengths.Title, caption.Trim().Length)],
            UploadedAtUtc = calendar.UtcNow, UploadedBy = currentUser.Name,
        });
        await TouchAsync(meetingId, cancellationToken);
        logger.LogInformation("Attachment of {Length} bytes ({ContentType}) added to meeting {MeetingId}", buffer.Length, type, meetingId);
        return SaveResult.Saved(meetingId);
    }

    public async Task<bool> RemoveAttachmentAsync(AccessScope scope, int meetingId, int attachmentId, CancellationToken cancellationToken = default)
    {
        if (!await ManagesAsync(scope, meetingId, cancellationToken))
        {
            return false;
        }

        var attachment = await db.MeetingAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.MeetingId == meetingId, cancellationToken);
        if (attachment is not null)
        {
            db.MeetingAttachments.Remove(attachment);
            await TouchAsync(meetingId, cancellationToken);
            attachments.Delete(attachment.StoredName);
        }

        return true;
    }

    public async Task<MeetingAttachment?> ReadableAttachmentAsync(AccessScope scope, int attachmentId, CancellationToken cancellationToken = default)
    {
        var row = await db.MeetingAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Select(a => new
            {
                Attachment = a,
                DirectorateId = db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => m.DirectorateId).Single(),
                Published = db.MeetingSummaries.Any(s => s.MeetingId == a.MeetingId && s.Status == SummaryStatus.Published),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is not null && (row.Published || CanManage(scope, row.DirectorateId)) ? row.Attachment : null;
    }

    public async Task<IReadOnlyList<ActionListItem>> ActionListAsync(AccessScope scope, bool overdueOnly, CancellationToken cancellationToken = default)
    {
        var today = calendar.Today;
        var open = new[] { DecisionStatus.Open, DecisionStatus.InProgress };
        var directorateId = scope.DirectorateOfWork;
        var query = db.Decisions.AsNoTracking()
            .Where(d => directorateId == null || d.Meeting!.DirectorateId == directorateId);
        if (overdueOnly)
        {
            query = query.Where(d => d.DueOn != null && d.DueOn < today && open.Contains(d.Status));
        }

        var rows = await query.OrderBy(d => d.DueOn == null).ThenBy(d => d.DueOn)
            .Select(d => new
            {
                d.Id, d.MeetingId, d.Meeting!.TitleFr, d.Meeting.TitleAr, d.Meeting.StartsOn, d.Text, d.OwnerKind,
                OwnerFr = d.OwnerKind == DecisionOwnerKind.Establishment ? d.OwnerEstablishment!.NameFr : d.OwnerPartner,
                OwnerAr = d.OwnerKind == DecisionOwnerKind.Establishment ? d.OwnerEstablishment!.NameAr : d.OwnerPartner,
                d.DueOn, d.Status,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ActionListItem(r.Id, r.MeetingId, r.TitleFr, r.TitleAr, r.StartsOn, r.Text, r.OwnerKind, r.OwnerFr, r.OwnerAr, r.DueOn, r.Status,
            r.DueOn is { } due && due < today && open.Contains(r.Status))).ToList();
    }

    public async Task<SaveResult> SaveSummaryAsync(AccessScope scope, int meetingId, SummaryInput input, byte[]? rowVersion, string? correctionReason, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.Include(m => m.Summary).ThenInclude(s => s!.Revisions)
            .SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !CanManage(scope, meeting.DirectorateId))
        {
            return SaveResult.NotFound;
        }

        var summary = meeting.Summary;
        if (summary is null)
        {
            summary = new MeetingSummary { MeetingId = meetingId };
            meeting.Summary = summary;
        }
        else
        {
            db.Entry(summary).Property(s => s.RowVersion).OriginalValue = rowVersion ?? [];
        }

        var action = summary.Status == SummaryStatus.Published ? SummaryAction.Correct : SummaryAction.Edit;
        if (!SummaryWorkflow.Can(scope, action, summary.Status, meeting.DirectorateId))
        {
            return SaveResult.Invalid(new Dictionary<string, string> { [string.Empty] = NotEditable });
        }

        if (action == SummaryAction.Correct && string.IsNullOrWhiteSpace(correctionReason))
        {
            return SaveResult.Invalid(new Dictionary<string, string> { ["CorrectionReason"] = ReasonRequired });
        }

        summary.BodyFr = input.BodyFr;
        summary.BodyAr = input.BodyAr;
        summary.PressStatementFr = input.PressStatementFr;
        summary.PressStatementAr = input.PressStatementAr;
        summary.SearchKey = Bilingual.Normalise(string.Join(' ', meeting.TitleFr, meeting.TitleAr, input.BodyFr, input.BodyAr, input.PressStatementFr, input.PressStatementAr));
        AddRevision(summary, action == SummaryAction.Correct ? correctionReason!.Trim() : null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || summary.Id == 0)
        {
            // Either the summary changed since it was read, or two first drafts were saved at the same moment.
            logger.LogWarning("Summary of meeting {MeetingId} save refused: changed by someone else", meetingId);
            return SaveResult.Conflict;
        }

        logger.LogInformation("Summary of meeting {MeetingId} saved ({SummaryAction})", meetingId, action);
        return SaveResult.Saved(meetingId);
    }

    public async Task<SaveResult> TransitionSummaryAsync(AccessScope scope, int meetingId, SummaryAction action, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.Include(m => m.Summary).ThenInclude(s => s!.Revisions).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting?.Summary is null || !CanManage(scope, meeting.DirectorateId))
        {
            return SaveResult.NotFound;
        }

        var summary = meeting.Summary;
        var next = SummaryWorkflow.Next(summary.Status, action);
        if (next is null || !SummaryWorkflow.MayAct(scope, action, meeting.DirectorateId))
        {
            return SaveResult.Invalid(new Dictionary<string, string> { [string.Empty] = NotEditable });
        }

        summary.Status = next.Value;
        if (action == SummaryAction.Approve)
        {
            summary.ApprovedBy = currentUser.UserId;
        }

        if (action == SummaryAction.Publish)
        {
            summary.PublishedAtUtc = calendar.UtcNow;
            if (meeting.Status == MeetingStatus.Planned && meeting.EndsOn <= calendar.Today)
            {
                meeting.Status = MeetingStatus.Held;
            }
        }

        AddRevision(summary, null);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Summary of meeting {MeetingId} is now {SummaryStatus}", meetingId, summary.Status);
        return SaveResult.Saved(meetingId);
    }

    public async Task<PagedResult<PublishedMeetingItem>> PublishedAsync(string? search, int page, int pageSize = 10, CancellationToken cancellationToken = default)
    {
        var query = db.Meetings.AsNoTracking().Where(m => m.Summary != null && m.Summary.Status == SummaryStatus.Published);
        var folded = Bilingual.Normalise(search);
        if (folded.Length > 0)
        {
            query = query.Where(m => m.Summary!.SearchKey.Contains(folded));
        }

        var total = await query.CountAsync(cancellationToken);
        page = PagedResult<PublishedMeetingItem>.ClampPage(page, total, pageSize);
        var rows = await query.OrderByDescending(m => m.StartsOn)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new
            {
                m.Slug, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn,
                VenueFr = m.VenueEstablishment != null ? m.VenueEstablishment.NameFr : m.VenueText,
                VenueAr = m.VenueEstablishment != null ? m.VenueEstablishment.NameAr : m.VenueText,
                m.Summary!.PublishedAtUtc, m.Summary.BodyFr, m.Summary.BodyAr,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new PublishedMeetingItem(r.Slug, r.TitleFr, r.TitleAr, r.StartsOn, r.EndsOn, r.VenueFr, r.VenueAr,
            r.PublishedAtUtc ?? DateTime.MinValue, MinutesExcerpt.From(r.BodyFr), MinutesExcerpt.From(r.BodyAr))).ToList();
        return new PagedResult<PublishedMeetingItem>(items, page, pageSize, total);
    }

    public Task<Meeting?> PublishedBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        Full(db.Meetings.AsNoTracking())
            .Where(m => m.Slug == slug && m.Summary != null && m.Summary.Status == SummaryStatus.Published)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Meeting>> UpcomingAnnouncedAsync(CancellationToken cancellationToken = default)
    {
        var today = calendar.Today;
        return await db.Meetings.AsNoTracking().Include(m => m.VenueEstablishment)
            .Where(m => m.AnnouncedPublicly && m.Status == MeetingStatus.Planned && m.EndsOn >= today)
            .OrderBy(m => m.StartsOn).Take(200)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Meeting> Full(IQueryable<Meeting> query) =>
        query.Include(m => m.VenueEstablishment)
            .Include(m => m.Invitations).ThenInclude(i => i.Establishment)
            .Include(m => m.Agenda.OrderBy(a => a.Day).ThenBy(a => a.Position))
            .Include(m => m.Interventions.OrderBy(i => i.Position)).ThenInclude(i => i.Establishment)
            .Include(m => m.Decisions).ThenInclude(d => d.Notes)
            .Include(m => m.Decisions).ThenInclude(d => d.Constraints)
            .Include(m => m.Decisions).ThenInclude(d => d.OwnerEstablishment)
            .Include(m => m.Decisions).ThenInclude(d => d.Needs)
            .Include(m => m.Attachments.OrderBy(a => a.Id))
            .Include(m => m.Summary).ThenInclude(s => s!.Revisions)
            .AsSplitQuery();

    private async Task<HashSet<int>> EstablishmentsOfAsync(int directorateId, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Establishments.Where(e => ids.Contains(e.Id) && e.Province!.Region!.DirectorateId == directorateId)
            .Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();

    private static bool CanManage(AccessScope scope, int directorateId) => scope.CanReadDirectorate(directorateId);

    private async Task<bool> ManagesAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken)
    {
        var directorateId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => (int?)m.DirectorateId).SingleOrDefaultAsync(cancellationToken);
        return directorateId is { } id && CanManage(scope, id);
    }

    /// <summary>Saves pending changes of the meeting's parts and stamps the meeting as changed.</summary>
    private async Task TouchAsync(int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
        db.Entry(meeting).Property(m => m.UpdatedAtUtc).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task FreezeFiguresAsync(Intervention intervention, int establishmentId, DateOnly meetingDay, CancellationToken cancellationToken)
    {
        var startYear = Organisation.TrainingYear.StartYearFor(meetingDay);
        var profile = await db.Profiles.AsNoTracking()
            .Include(p => p.Programmes).Include(p => p.TrainingYear)
            .Where(p => p.EstablishmentId == establishmentId && p.TrainingYear!.StartYear <= startYear && p.Status != ProfileStatus.Draft)
            .OrderByDescending(p => p.TrainingYear!.StartYear)
            .FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return;
        }

        // Priorities and severities are stored as text: rank them in memory, by their meaning, not alphabetically.
        var needs = (await db.Needs.AsNoTracking().Where(n => n.ProfileId == profile.Id).Select(n => new { n.Priority, n.Description }).ToListAsync(cancellationToken))
            .OrderByDescending(n => n.Priority).Take(3).Select(n => n.Description).ToList();
        var constraints = (await db.Constraints.AsNoTracking().Where(c => c.ProfileId == profile.Id).Select(c => new { c.Severity, c.Description }).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.Severity).Take(3).Select(c => c.Description).ToList();
        intervention.FiguresYear = profile.TrainingYear!.Label;
        intervention.FiguresTrainees = profile.TotalTrainees;
        intervention.FiguresTraineesWomen = profile.TotalTraineesWomen;
        intervention.FiguresTrainers = profile.TotalTrainers;
        intervention.FiguresProgrammes = profile.Programmes.Count;
        intervention.FiguresTopNeeds = Clip(string.Join("\n", needs));
        intervention.FiguresTopConstraints = Clip(string.Join("\n", constraints));
    }

    private void AddRevision(MeetingSummary summary, string? reason) => summary.Revisions.Add(new SummaryRevision
    {
        Number = summary.Revisions.Count == 0 ? 1 : summary.Revisions.Max(r => r.Number) + 1,
        AtUtc = calendar.UtcNow,
        UserName = currentUser.Name,
        Status = summary.Status,
        Reason = reason,
        BodyFr = summary.BodyFr,
        BodyAr = summary.BodyAr,
        PressStatementFr = summary.PressStatementFr,
        PressStatementAr = summary.PressStatementAr,
    });

    private async Task<string> UniqueSlugAsync(MeetingInput input, int? meetingId, CancellationToken cancellationToken)
    {
        var slug = MeetingSlug.For(input.StartsOn, input.TitleFr);
        var candidate = slug;
        for (var n = 2; await db.Meetings.AnyAsync(m => m.Slug == candidate && m.Id != meetingId, cancellationToken); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    private static string? Clip(string text) => text.Length == 0 ? null : text.Length > 1900 ? text[..1900] : text;
}
