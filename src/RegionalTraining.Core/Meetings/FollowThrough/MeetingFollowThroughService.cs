using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Core.Meetings.FollowThrough;

/// <summary>The meeting before another of the same directorate.</summary>
public sealed record PreviousMeeting(int Id, string TitleFr, string TitleAr, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A register item resolved or closed since the previous meeting, as a meeting's page lists it.</summary>
public sealed record ResolvedItemRecord(
    ItemType Type, int ItemId, int EstablishmentId, BilingualName Establishment, NeedCategory Category, string Description, string? Outcome, DateOnly ResolvedOn, FollowUpStatus Status);

/// <summary>
/// How meetings close the loop of the register: the follow-up of the previous meeting put on a new meeting's agenda
/// (its open decisions, the register items changed since), and the items resolved between two meetings, read live
/// until the minutes are published and frozen then (decision 0023).
/// A meeting's window runs from the day after the previous meeting's last day to its own last day, so every day
/// belongs to exactly one meeting.
/// </summary>
public interface IMeetingFollowThrough
{
    /// <summary>The latest meeting the caller's directorate held (any directorate's for an administrator), for the creation form's offer.</summary>
    Task<PreviousMeeting?> LatestAsync(AccessScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// The latest meeting of each directorate the caller works for, keyed by directorate (cancelled ones left out), for the
    /// creation form of a caller who chooses the directorate: the offer must name the chosen directorate's meeting.
    /// </summary>
    Task<IReadOnlyDictionary<int, PreviousMeeting>> LatestByDirectorateAsync(AccessScope scope, CancellationToken cancellationToken = default);

    /// <summary>The latest meeting of the directorate starting before <paramref name="before"/>, cancelled ones left out.</summary>
    Task<PreviousMeeting?> PreviousAsync(int directorateId, DateOnly before, int? exceptMeetingId, CancellationToken cancellationToken = default);

    /// <summary>The "follow-up of the previous meeting" agenda item (not saved), or null when there is no previous meeting.</summary>
    Task<AgendaItem?> FollowUpItemAsync(int directorateId, DateOnly startsOn, CancellationToken cancellationToken = default);

    /// <summary>The items resolved or closed since the previous meeting, read now from the register's history.</summary>
    Task<IReadOnlyList<ResolvedItemRecord>> ResolvedSinceAsync(int directorateId, int meetingId, DateOnly startsOn, DateOnly endsOn, CancellationToken cancellationToken = default);

    /// <summary>Copies the current list into the meeting's record (not saved: the caller saves it with the publication).</summary>
    Task FreezeAsync(Meeting meeting, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class MeetingFollowThroughService(AppDbContext db, LocalCalendar calendar, IMessageFormatter formatter) : IMeetingFollowThrough
{
    /// <summary>Agenda titles, fixed in both languages (the product's vocabulary), not the reader's: the agenda is part of the record.</summary>
    public const string TitleFr = "Suivi de la réunion précédente";
    public const string TitleAr = "تتبع الاجتماع السابق";

    private static readonly DecisionStatus[] OpenDecision = [DecisionStatus.Open, DecisionStatus.InProgress];
    private static readonly FollowUpEventKind[] ResolvingKinds = [FollowUpEventKind.Resolved, FollowUpEventKind.Confirmed];
    private static readonly FollowUpStatus[] ResolvedStatuses = [FollowUpStatus.Resolved, FollowUpStatus.Closed];

    public async Task<PreviousMeeting?> LatestAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.DirectorateWork))
        {
            return null;
        }

        var directorateId = scope.DirectorateOfWork;
        return await db.Meetings.AsNoTracking().Where(m => m.Status != MeetingStatus.Cancelled)
            .WhereIf(directorateId is not null, m => m.DirectorateId == directorateId)
            .OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)
            .Select(m => new PreviousMeeting(m.Id, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, PreviousMeeting>> LatestByDirectorateAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.DirectorateWork))
        {
            return new Dictionary<int, PreviousMeeting>();
        }

        // One query: a meeting is its directorate's latest when no other live meeting of the directorate comes after it
        // (same order as LatestAsync: start day, then id).
        var directorateId = scope.DirectorateOfWork;
        var live = db.Meetings.AsNoTracking().Where(m => m.Status != MeetingStatus.Cancelled);
        var latest = await live.WhereIf(directorateId is not null, m => m.DirectorateId == directorateId)
            .Where(m => !live.Any(o => o.DirectorateId == m.DirectorateId && (o.StartsOn > m.StartsOn || (o.StartsOn == m.StartsOn && o.Id > m.Id))))
            .Select(m => new { m.DirectorateId, Meeting = new PreviousMeeting(m.Id, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn) }).ToListAsync(cancellationToken);
        return latest.ToDictionary(m => m.DirectorateId, m => m.Meeting);
    }

    public Task<PreviousMeeting?> PreviousAsync(int directorateId, DateOnly before, int? exceptMeetingId, CancellationToken cancellationToken = default) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.DirectorateId == directorateId && m.StartsOn < before && m.Status != MeetingStatus.Cancelled)
            .WhereIf(exceptMeetingId is not null, m => m.Id != exceptMeetingId)
            .OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)
            .Select(m => new PreviousMeeting(m.Id, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn)).FirstOrDefaultAsync(cancellationToken);

    public async Task<AgendaItem?> FollowUpItemAsync(int directorateId, DateOnly startsOn, CancellationToken cancellationToken = default)
    {
        if (await PreviousAsync(directorateId, startsOn, null, cancellationToken) is not { } previous)
        {
            return null;
        }

        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == previous.Id && OpenDecision.Contains(d.Status)).OrderBy(d => d.Id)
            .Select(d => new { Text = new Bilingual(d.TextFr, d.TextAr), d.Status, d.DueOn }).ToListAsync(cancellationToken);
        var since = DayStartUtc(previous.EndsOn.AddDays(1));
        var changed = await ChangedSinceAsync(directorateId, since, cancellationToken);
        string Write(string culture)
        {
            var info = CultureInfo.GetCultureInfo(culture);
            var lines = new List<string> { formatter.Format(Messages.FollowUpAgendaDecisions, [Bilingual.Pick(previous.TitleAr, previous.TitleFr, info), Iso(previous.StartsOn)], culture) };
            lines.AddRange(decisions.Count == 0 ? [formatter.Format(Messages.FollowUpAgendaNoDecision, [], culture)]
                : decisions.Select(d => "- " + d.Text.Text(info) + " (" + Label(d.Status, culture) + (d.DueOn is { } due ? " · " + Iso(due) : string.Empty) + ")"));
            lines.Add(string.Empty);
            lines.Add(formatter.Format(Messages.FollowUpAgendaItems, [Iso(previous.EndsOn)], culture));
            lines.AddRange(changed.Count == 0 ? [formatter.Format(Messages.FollowUpAgendaNoItem, [], culture)]
                : changed.Select(c => "- " + Bilingual.Pick(c.Establishment.Ar, c.Establishment.Fr, info) + ": " + c.Description + " — " + Label(c.Status, culture)));
            return Fit(lines, culture);
        }

        return new AgendaItem
        {
            Type = AgendaItemType.PreviousMeetingFollowUp, TitleFr = TitleFr, TitleAr = TitleAr, Day = 1, DescriptionFr = Write("fr-MA"), DescriptionAr = Write("ar-MA"),
        };
    }

    public async Task<IReadOnlyList<ResolvedItemRecord>> ResolvedSinceAsync(
        int directorateId, int meetingId, DateOnly startsOn, DateOnly endsOn, CancellationToken cancellationToken = default)
    {
        if (await PreviousAsync(directorateId, startsOn, meetingId, cancellationToken) is not { } previous)
        {
            return [];
        }

        var from = DayStartUtc(previous.EndsOn.AddDays(1));
        var to = DayStartUtc(endsOn.AddDays(1));
        var needs = await db.Needs.AsNoTracking()
            .Where(n => n.Establishment!.Province!.Region!.DirectorateId == directorateId && ResolvedStatuses.Contains(n.Status)
                && db.FollowUpEntries.Any(e => e.NeedId == n.Id && ResolvingKinds.Contains(e.Kind) && e.AtUtc >= from && e.AtUtc < to))
            .Select(n => new ResolvedItemRecord(ItemType.Need, n.Id, n.EstablishmentId, new BilingualName(n.Establishment!.NameFr, n.Establishment.NameAr), n.Category, n.Description, n.Outcome,
                n.OutcomeOn ?? DateOnly.MinValue, n.Status))
            .ToListAsync(cancellationToken);
        var constraints = await db.Constraints.AsNoTracking()
            .Where(c => c.Establishment!.Province!.Region!.DirectorateId == directorateId && ResolvedStatuses.Contains(c.Status)
                && db.FollowUpEntries.Any(e => e.ConstraintId == c.Id && ResolvingKinds.Contains(e.Kind) && e.AtUtc >= from && e.AtUtc < to))
            .Select(c => new ResolvedItemRecord(ItemType.Constraint, c.Id, c.EstablishmentId, new BilingualName(c.Establishment!.NameFr, c.Establishment.NameAr), c.Category, c.Description, c.Outcome,
                c.OutcomeOn ?? DateOnly.MinValue, c.Status))
            .ToListAsync(cancellationToken);
        return [.. needs.Concat(constraints).OrderBy(r => r.Establishment.Fr, StringComparer.Ordinal).ThenBy(r => r.ResolvedOn).ThenBy(r => r.ItemId)];
    }

    public async Task FreezeAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        var items = await ResolvedSinceAsync(meeting.DirectorateId, meeting.Id, meeting.StartsOn, meeting.EndsOn, cancellationToken);
        meeting.ResolvedItems.Clear();
        meeting.ResolvedItems.AddRange(items.Select(r => new MeetingResolvedItem
        {
            MeetingId = meeting.Id, ItemType = r.Type, ItemId = r.ItemId, EstablishmentId = r.EstablishmentId, EstablishmentFr = r.Establishment.Fr, EstablishmentAr = r.Establishment.Ar,
            Category = r.Category, Description = r.Description, Outcome = r.Outcome, ResolvedOn = r.ResolvedOn, Status = r.Status,
        }));
    }

    /// <summary>The frozen list as the page shows it.</summary>
    internal static ResolvedItemRecord Record(MeetingResolvedItem r) => new(
        r.ItemType, r.ItemId, r.EstablishmentId, new BilingualName(r.EstablishmentFr, r.EstablishmentAr), r.Category, r.Description, r.Outcome, r.ResolvedOn, r.Status);

    private sealed record ChangedItem(BilingualName Establishment, string Description, FollowUpStatus Status);

    /// <summary>Items of the directorate with a move or an edit in their history since <paramref name="sinceUtc"/> (comments are not changes).</summary>
    private async Task<List<ChangedItem>> ChangedSinceAsync(int directorateId, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var needs = await db.Needs.AsNoTracking()
            .Where(n => n.Establishment!.Province!.Region!.DirectorateId == directorateId
                && db.FollowUpEntries.Any(e => e.NeedId == n.Id && e.AtUtc >= sinceUtc && e.Kind != FollowUpEventKind.Commented))
            .Select(n => new ChangedItem(new BilingualName(n.Establishment!.NameFr, n.Establishment.NameAr), n.Description, n.Status)).ToListAsync(cancellationToken);
        var constraints = await db.Constraints.AsNoTracking()
            .Where(c => c.Establishment!.Province!.Region!.DirectorateId == directorateId
                && db.FollowUpEntries.Any(e => e.ConstraintId == c.Id && e.AtUtc >= sinceUtc && e.Kind != FollowUpEventKind.Commented))
            .Select(c => new ChangedItem(new BilingualName(c.Establishment!.NameFr, c.Establishment.NameAr), c.Description, c.Status)).ToListAsync(cancellationToken);
        return [.. needs.Concat(constraints).OrderBy(c => c.Establishment.Fr, StringComparer.Ordinal).ThenBy(c => c.Description, StringComparer.Ordinal)];
    }

    /// <summary>The lines that fit the column; the rest is counted, never cut mid-line.</summary>
    private string Fit(List<string> lines, string culture)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var more = formatter.FormatCount(Messages.FollowUpAgendaMore, lines.Count - i, culture);
            if (text.Length + lines[i].Length + more.Length + 2 > FieldLengths.AgendaDescription)
            {
                return text.Append(more).ToString();
            }

            text.Append(lines[i]).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    private string Label<TEnum>(TEnum value, string culture)
        where TEnum : struct, Enum => formatter.Format(typeof(TEnum).Name + "." + value, [], culture);

    private DateTime DayStartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), calendar.Zone);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
