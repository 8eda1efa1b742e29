using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Meetings;

/// <summary>What the meeting services need to know about a meeting before they change a part of it.</summary>
public sealed record ManagedMeeting(int Id, int DirectorateId, DateOnly StartsOn);

/// <summary>
/// The one answer to "may this caller manage this meeting": the staff and regional director of the meeting's
/// directorate, and administrators. A meeting anyone else asks for is reported as missing, so its existence is
/// not disclosed before it is published. Also the steps every part of a meeting shares: which establishments of
/// the directorate a form may name, and saving a part while stamping the meeting as changed.
/// </summary>
public sealed class MeetingAccess(AppDbContext db)
{
    public static bool CanManage(AccessScope scope, int directorateId) => scope.CanReadDirectorate(directorateId);

    /// <summary>The meeting when it exists and the caller may manage it; otherwise null.</summary>
    public async Task<ManagedMeeting?> FindAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new ManagedMeeting(m.Id, m.DirectorateId, m.StartsOn)).SingleOrDefaultAsync(cancellationToken);
        return meeting is not null && CanManage(scope, meeting.DirectorateId) ? meeting : null;
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
