using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings.Corrections;

namespace RegionalTraining.Core.Meetings;

/// <summary>What the meeting services need to know about a meeting before they change a part of it.</summary>
/// <param name="Published">Whether its minutes are published: its public parts then change only by a correction with a reason.</param>
public sealed record ManagedMeeting(int Id, int DirectorateId, DateOnly StartsOn, bool Published = false);

/// <summary>
/// The one answer to "may this caller manage this meeting": the staff and regional director of the meeting's
/// directorate, and administrators. A meeting anyone else asks for is reported as missing, so its existence is
/// not disclosed before it is published. Also the steps every part of a meeting shares: which establishments of
/// the directorate a form may name, whether a published meeting may change (<see cref="PublishedRecord"/>), and
/// saving a part while stamping the meeting as changed and recording the correction.
/// </summary>
public sealed class MeetingAccess(AppDbContext db, ICurrentUser currentUser, LocalCalendar calendar)
{
    public static bool CanManage(AccessScope scope, int directorateId) => scope.CanReadDirectorate(directorateId);

    /// <summary>The meeting when it exists and the caller may manage it; otherwise null.</summary>
    public async Task<ManagedMeeting?> FindAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new ManagedMeeting(m.Id, m.DirectorateId, m.StartsOn, m.Summary != null && m.Summary.Status == SummaryStatus.Published))
            .SingleOrDefaultAsync(cancellationToken);
        return meeting is not null && CanManage(scope, meeting.DirectorateId) ? meeting : null;
    }

    /// <summary>
    /// The meeting, when the caller may manage it and may change a public part of it with <paramref name="reason"/>:
    /// not found otherwise, or invalid on the reason field when it is published and the reason is missing.
    /// </summary>
    public async Task<Result<ManagedMeeting>> FindEditableAsync(AccessScope scope, int meetingId, string? reason, CancellationToken cancellationToken)
    {
        if (await FindAsync(scope, meetingId, cancellationToken) is not { } meeting)
        {
            return Result.NotFound().With<ManagedMeeting>();
        }

        var editable = PublishedRecord.EnsureEditable(meeting.Published, reason);
        return editable.Succeeded ? Result.Success(meeting) : editable.With<ManagedMeeting>();
    }

    /// <summary>Adds the record of a correction when the meeting is published (the caller saves it with the change).</summary>
    public void RecordCorrection(int meetingId, bool published, PublicChange change)
    {
        if (!published)
        {
            return;
        }

        db.MeetingCorrections.Add(new MeetingCorrection
        {
            MeetingId = meetingId, AtUtc = calendar.UtcNow, UserName = currentUser.Name, Part = change.Part, Reason = change.Reason!.Trim(),
            Before = PublishedRecord.Clip(change.Before), After = PublishedRecord.Clip(change.After),
        });
    }

    /// <summary>Saves a change of a public part found by <see cref="FindEditableAsync"/>, with its correction when the meeting is published.</summary>
    public Task<Result> SaveAsync(ManagedMeeting meeting, PublicChange change, CancellationToken cancellationToken)
    {
        RecordCorrection(meeting.Id, meeting.Published, change);
        return SaveAsync(meeting.Id, cancellationToken);
    }

    /// <summary>Of <paramref name="ids"/>, those of the directorate's establishments: a form names others only when forged.</summary>
    public async Task<HashSet<int>> EstablishmentsOfAsync(int directorateId, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Establishments.Where(e => ids.Contains(e.Id) && e.Province!.Region!.DirectorateId == directorateId)
            .Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Saves pending changes of the meeting's parts and stamps the meeting as changed (its edit form then sees a new version).</summary>
    public async Task<Result> SaveAsync(int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
        db.Entry(meeting).Property(m => m.UpdatedAtUtc).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
