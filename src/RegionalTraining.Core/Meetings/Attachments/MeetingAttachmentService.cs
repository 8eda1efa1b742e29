using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings.Corrections;

namespace RegionalTraining.Core.Meetings.Attachments;

/// <summary>A stored attachment as the download needs it.</summary>
public sealed record AttachmentFile(string StoredName, string ContentType, string DownloadName);

/// <summary>Photos and documents of a meeting: public with its minutes, before that seen by its directorate only.</summary>
public interface IMeetingAttachmentService
{
    /// <summary>
    /// Checks the file (type by content, size) and stores it under a random name outside the web root. Attachments
    /// are public with the minutes: a published meeting's change only with <paramref name="correctionReason"/>.
    /// </summary>
    Task<Result> AddAsync(
        AccessScope scope, int meetingId, Stream content, string fileName, string? caption, string? correctionReason = null, CancellationToken cancellationToken = default);

    Task<Result> RemoveAsync(AccessScope scope, int meetingId, int attachmentId, string? correctionReason = null, CancellationToken cancellationToken = default);

    /// <summary>The attachment when the caller may see it: staff of the meeting's directorate, or anyone once the summary is published.</summary>
    Task<AttachmentFile?> ReadableAsync(AccessScope scope, int attachmentId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class MeetingAttachmentService(
    AppDbContext db, MeetingAccess access, IAttachmentStore store, ICurrentUser currentUser, LocalCalendar calendar, ILogger<MeetingAttachmentService> logger)
    : IMeetingAttachmentService
{
    private const string FileField = "File";

    public async Task<Result> AddAsync(
        AccessScope scope, int meetingId, Stream content, string fileName, string? caption, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var meeting = await access.FindEditableAsync(scope, meetingId, correctionReason, cancellationToken);
        if (!meeting.Succeeded)
        {
            return meeting;
        }

        var upload = await CheckedUpload.ReadAsync(content, cancellationToken);
        if (upload.ContentType is not { } type)
        {
            return Result.Invalid(FileField, upload.Error!);
        }

        var buffer = upload.Content;
        var stored = CheckedUpload.NewStoredName();
        await store.SaveAsync(stored, buffer, cancellationToken);
        var trimmed = caption?.Trim();
        var attachment = new MeetingAttachment
        {
            MeetingId = meetingId, OriginalName = AttachmentRules.NameFor(fileName, type), StoredName = stored, ContentType = type, Length = buffer.Length,
            Caption = string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(FieldLengths.Title, trimmed.Length)],
            UploadedAtUtc = calendar.UtcNow, UploadedBy = currentUser.Name,
        };
        db.MeetingAttachments.Add(attachment);
        await access.SaveAsync(meeting.Value!, new PublicChange(MeetingPart.Attachments, correctionReason, null, Describe(attachment)), cancellationToken);
        logger.LogInformation("Attachment of {Length} bytes ({ContentType}) added to meeting {MeetingId}", buffer.Length, type, meetingId);
        return Result.Success();
    }

    public async Task<Result> RemoveAsync(AccessScope scope, int meetingId, int attachmentId, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var meeting = await access.FindEditableAsync(scope, meetingId, correctionReason, cancellationToken);
        if (!meeting.Succeeded)
        {
            return meeting;
        }

        // Removing what is already gone is a success: the page may be older than a colleague's removal.
        var attachment = await db.MeetingAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.MeetingId == meetingId, cancellationToken);
        if (attachment is null)
        {
            return Result.Success();
        }

        db.MeetingAttachments.Remove(attachment);
        await access.SaveAsync(meeting.Value!, new PublicChange(MeetingPart.Attachments, correctionReason, Describe(attachment), null), cancellationToken);
        store.Delete(attachment.StoredName);
        return Result.Success();
    }

    public async Task<AttachmentFile?> ReadableAsync(AccessScope scope, int attachmentId, CancellationToken cancellationToken = default)
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
        return row is not null && (row.Published || MeetingAccess.CanManage(scope, row.DirectorateId))
            ? new AttachmentFile(row.Attachment.StoredName, row.Attachment.ContentType, row.Attachment.DownloadName) : null;
    }

    private static string Describe(MeetingAttachment a) => a.Caption is null ? a.DownloadName : a.DownloadName + " — " + a.Caption;
}
