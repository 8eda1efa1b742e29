using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings.Corrections;
using RegionalTraining.Core.Meetings.Planning;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Meetings.Attendance;

public sealed record AttendanceInput(int EstablishmentId, AttendanceStatus Attendance, string? RepresentedByFr, string? RepresentedByAr = null);

public sealed record InterventionInput(
    string? SpeakerFr, string? SpeakerAr, string? RoleFr, string? RoleAr, int? EstablishmentId, string? SummaryFr, string? SummaryAr);

/// <summary>Who came to a meeting and what was said there.</summary>
public interface IAttendanceService
{
    /// <summary>
    /// Records attendance of the invited establishments; rows naming an establishment not invited are ignored. Like
    /// every command here, a published meeting changes only with <paramref name="correctionReason"/> (<see cref="PublishedRecord"/>).
    /// </summary>
    Task<Result> SaveAttendanceAsync(AccessScope scope, int meetingId, IReadOnlyList<AttendanceInput> rows, string? correctionReason = null, CancellationToken cancellationToken = default);

    /// <summary>Adds an intervention; a presentation by an establishment copies its profile's key figures for the meeting's year.</summary>
    Task<Result> AddInterventionAsync(AccessScope scope, int meetingId, InterventionInput input, string? correctionReason = null, CancellationToken cancellationToken = default);

    Task<Result> RemoveInterventionAsync(AccessScope scope, int meetingId, int interventionId, string? correctionReason = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class AttendanceService(AppDbContext db, MeetingAccess access) : IAttendanceService
{
    /// <summary>The stored figures' text columns hold 2,000 characters.</summary>
    private const int FiguresTextLength = 1900;

    public async Task<Result> SaveAttendanceAsync(
        AccessScope scope, int meetingId, IReadOnlyList<AttendanceInput> rows, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var meeting = await access.FindEditableAsync(scope, meetingId, correctionReason, cancellationToken);
        if (!meeting.Succeeded)
        {
            return meeting;
        }

        var invitations = await db.MeetingInvitations.Include(i => i.Establishment).Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken);
        List<string> before = [], after = [];
        foreach (var row in rows)
        {
            var invitation = invitations.SingleOrDefault(i => i.EstablishmentId == row.EstablishmentId);
            if (invitation is not null && (invitation.Attendance != row.Attendance || invitation.RepresentedByFr != Bilingual.Stored(row.RepresentedByFr) || invitation.RepresentedByAr != Bilingual.Stored(row.RepresentedByAr)))
            {
                before.Add(Describe(invitation));
                invitation.Attendance = row.Attendance;
                invitation.RepresentedByFr = Bilingual.Stored(row.RepresentedByFr);
                invitation.RepresentedByAr = Bilingual.Stored(row.RepresentedByAr);
                after.Add(Describe(invitation));
            }
        }

        return await access.SaveAsync(meeting.Value!, new PublicChange(MeetingPart.Attendance, correctionReason, string.Join("\n", before), string.Join("\n", after)), cancellationToken);
    }

    public async Task<Result> AddInterventionAsync(AccessScope scope, int meetingId, InterventionInput input, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var editable = await access.FindEditableWithTextAsync(
            scope, meetingId, correctionReason, new Bilingual(input.SpeakerFr, input.SpeakerAr), nameof(input.SpeakerFr), Messages.SpeakerMissing, cancellationToken);
        if (editable.Value is not { } meeting)
        {
            return editable;
        }

        var last = await db.Interventions.Where(i => i.MeetingId == meetingId).MaxAsync(i => (int?)i.Position, cancellationToken) ?? 0;
        var intervention = new Intervention
        {
            MeetingId = meetingId, Position = last + 1, 
            SpeakerFr = Bilingual.Stored(input.SpeakerFr), SpeakerAr = Bilingual.Stored(input.SpeakerAr),
            RoleFr = Bilingual.Stored(input.RoleFr), RoleAr = Bilingual.Stored(input.RoleAr),
            EstablishmentId = input.EstablishmentId, SummaryFr = input.SummaryFr?.Trim(), SummaryAr = input.SummaryAr?.Trim(),
        };
        if (input.EstablishmentId is { } establishmentId)
        {
            if (!(await access.EstablishmentsOfAsync(meeting.DirectorateId, [establishmentId], cancellationToken)).Contains(establishmentId))
            {
                // Only a forged form names another directorate's establishment: answer as for an unknown one.
                return Result.NotFound();
            }

            await FreezeFiguresAsync(intervention, establishmentId, meeting.StartsOn, cancellationToken);
        }

        db.Interventions.Add(intervention);
        return await access.SaveAsync(meeting, new PublicChange(MeetingPart.Interventions, correctionReason, null, Describe(intervention)), cancellationToken);
    }

    public async Task<Result> RemoveInterventionAsync(AccessScope scope, int meetingId, int interventionId, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var meeting = await access.FindEditableAsync(scope, meetingId, correctionReason, cancellationToken);
        if (!meeting.Succeeded)
        {
            return meeting;
        }

        // Removing what is already gone is a success: the page may be older than a colleague's removal.
        var item = await db.Interventions.SingleOrDefaultAsync(i => i.Id == interventionId && i.MeetingId == meetingId, cancellationToken);
        if (item is null)
        {
            return Result.Success();
        }

        db.Interventions.Remove(item);
        return await access.SaveAsync(meeting.Value!, new PublicChange(MeetingPart.Interventions, correctionReason, Describe(item), null), cancellationToken);
    }

    private static string Describe(Intervention i) =>
        string.Join(" · ", new[] { MeetingPlanningService.Join(i.SpeakerFr, i.SpeakerAr), MeetingPlanningService.Join(i.RoleFr, i.RoleAr), MeetingPlanningService.Join(i.SummaryFr, i.SummaryAr) }.Where(t => !string.IsNullOrWhiteSpace(t)));

    private static string Describe(MeetingInvitation i) =>
        string.Join(" · ", new[] { MeetingPlanningService.Join(i.Establishment?.NameFr, i.Establishment?.NameAr), i.Attendance.ToString(), MeetingPlanningService.Join(i.RepresentedByFr, i.RepresentedByAr) }
            .Where(t => !string.IsNullOrWhiteSpace(t)));

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
        var needs = (await db.Needs.AsNoTracking().Where(n => n.Sheets.Any(s => s.Id == profile.Id)).Select(n => new { n.Priority, n.Description }).ToListAsync(cancellationToken))
            .OrderByDescending(n => n.Priority).Take(3).Select(n => n.Description).ToList();
        var constraints = (await db.Constraints.AsNoTracking().Where(c => c.Sheets.Any(s => s.Id == profile.Id)).Select(c => new { c.Severity, c.Description }).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.Severity).Take(3).Select(c => c.Description).ToList();
        intervention.FiguresYear = profile.TrainingYear!.Label;
        intervention.FiguresTrainees = profile.TotalTrainees;
        intervention.FiguresTraineesWomen = profile.TotalTraineesWomen;
        intervention.FiguresTrainers = profile.TotalTrainers;
        intervention.FiguresProgrammes = profile.Programmes.Count;
        intervention.FiguresTopNeeds = Clip(string.Join("\n", needs));
        intervention.FiguresTopConstraints = Clip(string.Join("\n", constraints));
    }

    private static string? Clip(string text) => text.Length == 0 ? null : text.Length > FiguresTextLength ? text[..FiguresTextLength] : text;
}
