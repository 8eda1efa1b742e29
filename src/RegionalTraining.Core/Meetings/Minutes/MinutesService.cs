using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings.Corrections;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Core.Meetings.Minutes;

public sealed record SummaryInput(string BodyFr, string BodyAr, string? PressStatementFr, string? PressStatementAr);

/// <summary>The minutes as their edit page shows them: the stored text (empty before the first save) and the version it was read at.</summary>
public sealed record SummaryDraft(
    int MeetingId, string MeetingTitleFr, string MeetingTitleAr, SummaryStatus Status, SummaryInput Text, byte[]? RowVersion, int RevisionCount);

public sealed record RevisionRecord(
    int Number, DateTime AtUtc, string UserName, SummaryStatus Status, string? Reason, string BodyFr, string BodyAr, string? PressStatementFr, string? PressStatementAr);

/// <summary>The revisions of the minutes, newest first, with the one shown and the one before it (what it changed).</summary>
public sealed record RevisionHistory(int MeetingId, string MeetingTitleFr, string MeetingTitleAr, IReadOnlyList<RevisionRecord> Revisions, RevisionRecord? Shown, RevisionRecord? Previous);

/// <summary>
/// The minutes of a meeting: the draft, its way through review and approval to publication (see
/// <see cref="SummaryWorkflow"/>), corrections after publication, and every revision kept.
/// </summary>
public interface IMinutesService
{
    /// <summary>The minutes to edit, or null when the meeting does not exist or the caller may not manage it.</summary>
    Task<SummaryDraft?> DraftAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken = default);

    /// <summary>Saves the draft (or a correction of the published minutes, with its reason); a conflict when it changed since <paramref name="rowVersion"/>.</summary>
    Task<Result> SaveAsync(AccessScope scope, int meetingId, SummaryInput input, byte[]? rowVersion, string? correctionReason, CancellationToken cancellationToken = default);

    Task<Result> TransitionAsync(AccessScope scope, int meetingId, SummaryAction action, CancellationToken cancellationToken = default);

    /// <summary>The history, showing revision <paramref name="number"/> (the newest when null or unknown); null when there are no minutes.</summary>
    Task<RevisionHistory?> RevisionsAsync(AccessScope scope, int meetingId, int? number, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class MinutesService(
    AppDbContext db, ICurrentUser currentUser, LocalCalendar calendar, INotificationService notifications, FollowThrough.IMeetingFollowThrough followThrough,
    ILogger<MinutesService> logger) : IMinutesService
{
    public async Task<SummaryDraft?> DraftAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken = default)
    {
        var m = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { m.Id, m.DirectorateId, m.TitleFr, m.TitleAr, m.Summary, Revisions = m.Summary!.Revisions.Count() })
            .SingleOrDefaultAsync(cancellationToken);
        if (m is null || !MeetingAccess.CanManage(scope, m.DirectorateId))
        {
            return null;
        }

        var s = m.Summary;
        return new SummaryDraft(m.Id, m.TitleFr, m.TitleAr, s?.Status ?? SummaryStatus.Draft,
            new SummaryInput(s?.BodyFr ?? string.Empty, s?.BodyAr ?? string.Empty, s?.PressStatementFr, s?.PressStatementAr), s?.RowVersion, s is null ? 0 : m.Revisions);
    }

    public async Task<Result> SaveAsync(AccessScope scope, int meetingId, SummaryInput input, byte[]? rowVersion, string? correctionReason, CancellationToken cancellationToken = default)
    {
        var meeting = await LoadAsync(scope, meetingId, cancellationToken);
        if (meeting is null)
        {
            return Result.NotFound();
        }

        var summary = meeting.Summary ??= new MeetingSummary { MeetingId = meetingId };
        if (summary.Id != 0)
        {
            db.Entry(summary).Property(s => s.RowVersion).OriginalValue = rowVersion ?? [];
        }

        var action = summary.Status == SummaryStatus.Published ? SummaryAction.Correct : SummaryAction.Edit;
        if (!SummaryWorkflow.Can(scope, action, summary.Status, meeting.DirectorateId))
        {
            return Result.Invalid(FieldError.Form, Messages.SummaryNotEditable);
        }

        var editable = PublishedRecord.EnsureEditable(action == SummaryAction.Correct, correctionReason);
        if (!editable.Succeeded)
        {
            return editable;
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
            return Result.Conflict(Messages.SummaryConflict);
        }

        logger.LogInformation("Summary of meeting {MeetingId} saved ({SummaryAction})", meetingId, action);
        return Result.Success();
    }

    public async Task<Result> TransitionAsync(AccessScope scope, int meetingId, SummaryAction action, CancellationToken cancellationToken = default)
    {
        var meeting = await LoadAsync(scope, meetingId, cancellationToken);
        if (meeting?.Summary is not { } summary)
        {
            return Result.NotFound();
        }

        var next = SummaryWorkflow.Next(summary.Status, action);
        if (next is null || !SummaryWorkflow.MayAct(scope, action, meeting.DirectorateId))
        {
            return Result.Invalid(FieldError.Form, Messages.SummaryNotEditable);
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

            // Published means frozen: the items resolved since the previous meeting are copied in the same save.
            await followThrough.FreezeAsync(meeting, cancellationToken);
        }

        AddRevision(summary, null);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Summary of meeting {MeetingId} is now {SummaryStatus}", meetingId, summary.Status);
        // Who acts next is told: the regional director reviews, staff publish.
        var (roles, notice) = action switch
        {
            SummaryAction.SendToReview => ((string[]?)[Roles.RegionalDirector], Messages.MinutesAwaitReviewNotice),
            SummaryAction.Approve => ([Roles.DirectorateStaff], Messages.MinutesApprovedNotice),
            _ => (null, null),
        };
        if (roles is not null && notice is not null)
        {
            await notifications.NotifyDirectorateAsync(meeting.DirectorateId, roles, notice, [meeting.TitleFr + " / " + meeting.TitleAr], $"/Meetings/Details/{meeting.Id}", cancellationToken);
        }

        return Result.Success();
    }

    public async Task<RevisionHistory?> RevisionsAsync(AccessScope scope, int meetingId, int? number, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Summary).ThenInclude(s => s!.Revisions).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting?.Summary is null || !MeetingAccess.CanManage(scope, meeting.DirectorateId))
        {
            return null;
        }

        var revisions = meeting.Summary.Revisions.OrderByDescending(r => r.Number)
            .Select(r => new RevisionRecord(r.Number, r.AtUtc, r.UserName, r.Status, r.Reason, r.BodyFr, r.BodyAr, r.PressStatementFr, r.PressStatementAr)).ToList();
        var shown = revisions.FirstOrDefault(r => r.Number == number) ?? revisions.FirstOrDefault();
        var previous = shown is null ? null : revisions.Where(r => r.Number < shown.Number).MaxBy(r => r.Number);
        return new RevisionHistory(meeting.Id, meeting.TitleFr, meeting.TitleAr, revisions, shown, previous);
    }

    private async Task<Meeting?> LoadAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Summary).ThenInclude(s => s!.Revisions).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        return meeting is not null && MeetingAccess.CanManage(scope, meeting.DirectorateId) ? meeting : null;
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
}
