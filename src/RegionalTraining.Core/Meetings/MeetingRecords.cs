using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings.Corrections;

namespace RegionalTraining.Core.Meetings;

public sealed record BilingualName(string Fr, string Ar);

public sealed record AgendaItemRecord(int Id, int Day, AgendaItemType Type, string? TitleFr, string? TitleAr, Bilingual Speaker, int? PlannedMinutes)
{
    /// <summary>The portal's description (the follow-up of the previous meeting): staff notes, not shown on the public page.</summary>
    public Bilingual Description { get; init; } = Bilingual.Empty;
}

public sealed record InvitationRecord(int EstablishmentId, BilingualName Establishment, AttendanceStatus Attendance, Bilingual RepresentedBy);

/// <summary>An establishment's key figures as they stood when it presented itself at the meeting.</summary>
public sealed record FiguresRecord(string Year, int Trainees, int TraineesWomen, int Trainers, int Programmes, string? TopNeeds, string? TopConstraints);

public sealed record InterventionRecord(int Id, Bilingual Speaker, Bilingual Role, BilingualName? Establishment, string? SummaryFr, string? SummaryAr, FiguresRecord? Figures);

public sealed record DecisionNoteRecord(DateTime AtUtc, string Text, DecisionStatus Status);

public sealed record DecisionRecord(
    int Id, Bilingual Text, DecisionOwnerKind OwnerKind, BilingualName? OwnerEstablishment, string? OwnerPartner, DateOnly? DueOn, DecisionStatus Status,
    IReadOnlyList<string> Constraints, IReadOnlyList<string> Needs, IReadOnlyList<DecisionNoteRecord> Notes);

public sealed record AttachmentRecord(int Id, string DownloadName, string ContentType, long Length, string? Caption)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

public sealed record SummaryRecord(
    SummaryStatus Status, string BodyFr, string BodyAr, string? PressStatementFr, string? PressStatementAr, DateTime? PublishedAtUtc, bool CorrectedSincePublication);

/// <summary>A correction after publication, as the public page lists it: of the minutes (a revision with a reason) or of another public part.</summary>
public sealed record CorrectionRecord(DateTime AtUtc, MeetingPart Part, string Reason, string? Before, string? After);

/// <summary>Everything recorded about a meeting, as its staff page, its public page and its print show it.</summary>
/// <param name="Venue">The venue establishment's name, or the free venue text.</param>
/// <param name="VenueTown">The venue establishment's town (null for a free venue text, which says its place itself).</param>
public sealed record MeetingPage(
    int Id, int DirectorateId, string Slug, string TitleFr, string TitleAr, MeetingStatus Status, DateOnly StartsOn, DateOnly EndsOn, Bilingual? Venue,
    Bilingual? VenueTown, Bilingual Chair, IReadOnlyList<AgendaItemRecord> Agenda, IReadOnlyList<InvitationRecord> Invitations, IReadOnlyList<InterventionRecord> Interventions,
    IReadOnlyList<DecisionRecord> Decisions, IReadOnlyList<AttachmentRecord> Attachments, SummaryRecord? Summary)
{
    /// <summary>Corrections since publication, oldest first.</summary>
    public IReadOnlyList<CorrectionRecord> Corrections { get; init; } = [];

    /// <summary>
    /// The register items resolved since the previous meeting: frozen at publication, read live before it (staff only).
    /// </summary>
    public IReadOnlyList<FollowThrough.ResolvedItemRecord> ResolvedSince { get; init; } = [];

    public int Attending(AttendanceStatus status) => Invitations.Count(i => i.Attendance == status);
}

/// <summary>Reads a whole meeting into a <see cref="MeetingPage"/>: shared by the staff side and the public archive.</summary>
internal static class MeetingPages
{
    public static async Task<MeetingPage?> ReadAsync(IQueryable<Meeting> query, CancellationToken cancellationToken)
    {
        var meeting = await query.AsNoTracking()
            .Include(m => m.VenueEstablishment)
            .Include(m => m.Invitations).ThenInclude(i => i.Establishment)
            .Include(m => m.Agenda)
            .Include(m => m.Interventions).ThenInclude(i => i.Establishment)
            .Include(m => m.Decisions).ThenInclude(d => d.Notes)
            .Include(m => m.Decisions).ThenInclude(d => d.Constraints)
            .Include(m => m.Decisions).ThenInclude(d => d.OwnerEstablishment)
            .Include(m => m.Decisions).ThenInclude(d => d.Needs)
            .Include(m => m.Attachments)
            .Include(m => m.Summary).ThenInclude(s => s!.Revisions)
            .Include(m => m.Corrections)
            .Include(m => m.ResolvedItems)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return meeting is null ? null : From(meeting) with
        {
            Corrections = Corrections(meeting),
            ResolvedSince = [.. meeting.ResolvedItems.OrderBy(r => r.EstablishmentFr, StringComparer.Ordinal).ThenBy(r => r.ResolvedOn).ThenBy(r => r.ItemId).Select(FollowThrough.MeetingFollowThroughService.Record)],
        };
    }

    /// <summary>One list for both kinds, so the page shows every correction the same way.</summary>
    private static List<CorrectionRecord> Corrections(Meeting m) =>
    [
        .. (m.Summary?.Revisions ?? []).Where(r => r.Reason is not null && r.Status == SummaryStatus.Published)
            .Select(r => new CorrectionRecord(r.AtUtc, MeetingPart.Minutes, r.Reason!, null, null))
            .Concat(m.Corrections.Select(c => new CorrectionRecord(c.AtUtc, c.Part, c.Reason, c.Before, c.After)))
            .OrderBy(c => c.AtUtc),
    ];

    private static MeetingPage From(Meeting m) => new(
        m.Id, m.DirectorateId, m.Slug, m.TitleFr, m.TitleAr, m.Status, m.StartsOn, m.EndsOn,
        VenueOf(m), m.VenueEstablishment is { } town ? new Bilingual(town.TownFr, town.TownAr) : null, new Bilingual(m.ChairNameFr, m.ChairNameAr),
        [.. m.Agenda.OrderBy(a => a.Day).ThenBy(a => a.Position)
            .Select(a => new AgendaItemRecord(a.Id, a.Day, a.Type, a.TitleFr, a.TitleAr, new Bilingual(a.SpeakerFr, a.SpeakerAr), a.PlannedMinutes) { Description = new Bilingual(a.DescriptionFr, a.DescriptionAr) })],
        [.. m.Invitations.OrderBy(i => i.Establishment!.NameFr)
            .Select(i => new InvitationRecord(i.EstablishmentId, new BilingualName(i.Establishment!.NameFr, i.Establishment.NameAr), i.Attendance, new Bilingual(i.RepresentedByFr, i.RepresentedByAr)))],
        [.. m.Interventions.OrderBy(i => i.Position).Select(Intervention)],
        [.. m.Decisions.OrderBy(d => d.Id).Select(Decision)],
        [.. m.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentRecord(a.Id, a.DownloadName, a.ContentType, a.Length, a.Caption))],
        m.Summary is { } s
            ? new SummaryRecord(s.Status, s.BodyFr, s.BodyAr, s.PressStatementFr, s.PressStatementAr, s.PublishedAtUtc,
                s.Revisions.Any(r => r.Reason is not null && r.Status == SummaryStatus.Published))
            : null);

    private static Bilingual? VenueOf(Meeting m) =>
        m.VenueEstablishment is { } venue ? new Bilingual(venue.NameFr, venue.NameAr)
        : new Bilingual(m.VenueTextFr, m.VenueTextAr) is { IsEmpty: false } text ? text : null;

    private static InterventionRecord Intervention(Intervention i) => new(
        i.Id, new Bilingual(i.SpeakerFr, i.SpeakerAr), new Bilingual(i.RoleFr, i.RoleAr), i.Establishment is { } e ? new BilingualName(e.NameFr, e.NameAr) : null, i.SummaryFr, i.SummaryAr,
        i.FiguresYear is { } year
            ? new FiguresRecord(year, i.FiguresTrainees ?? 0, i.FiguresTraineesWomen ?? 0, i.FiguresTrainers ?? 0, i.FiguresProgrammes ?? 0, i.FiguresTopNeeds, i.FiguresTopConstraints)
            : null);

    private static DecisionRecord Decision(Decision d) => new(
        d.Id, new Bilingual(d.TextFr, d.TextAr), d.OwnerKind, d.OwnerEstablishment is { } e ? new BilingualName(e.NameFr, e.NameAr) : null, d.OwnerPartner, d.DueOn, d.Status,
        [.. d.Constraints.Select(c => c.Description)], [.. d.Needs.Select(n => n.Description)],
        [.. d.Notes.OrderBy(n => n.AtUtc).Select(n => new DecisionNoteRecord(n.AtUtc, n.Text, n.Status))]);
}
