using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Meetings.Archive;

public sealed record PublishedMeetingItem(
    string Slug, string TitleFr, string TitleAr, DateOnly StartsOn, DateOnly EndsOn, string? VenueFr, string? VenueAr, DateTime PublishedAtUtc, string ExcerptFr, string ExcerptAr,
    IReadOnlyList<Search.ExcerptPart>? Highlight = null);

/// <summary>A meeting in the public calendar: announced before it takes place, or with published minutes.</summary>
public sealed record CalendarEntry(string Slug, string TitleFr, string TitleAr, DateOnly StartsOn, DateOnly EndsOn, Bilingual? Venue, bool Published);

public sealed record CalendarFeed(IReadOnlyList<CalendarEntry> Entries, DateTime GeneratedAtUtc);

/// <summary>
/// The public side of meetings: only published minutes (and, in the calendar, meetings announced publicly) appear,
/// to anyone, with no access check.
/// </summary>
public interface IMeetingArchiveService
{
    /// <summary>Published meetings, newest first, whose titles or minutes contain <paramref name="search"/> in either language.</summary>
    Task<PagedResult<PublishedMeetingItem>> PublishedAsync(string? search, int page, int pageSize = 10, CancellationToken cancellationToken = default);

    /// <summary>The published meeting at this address, or null (not published, or no such address).</summary>
    Task<MeetingPage?> PublishedBySlugAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>The data of the public calendar: upcoming announced meetings, then recently published ones.</summary>
    Task<CalendarFeed> CalendarAsync(CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class MeetingArchiveService(AppDbContext db, LocalCalendar calendar, Search.ISearchIndex searchIndex) : IMeetingArchiveService
{
    public const int FeedLength = 50;
    private const int UpcomingShown = 200;

    public async Task<PagedResult<PublishedMeetingItem>> PublishedAsync(string? search, int page, int pageSize = 10, CancellationToken cancellationToken = default)
    {
        var query = db.Meetings.AsNoTracking().Where(m => m.Summary != null && m.Summary.Status == SummaryStatus.Published);
        if (!string.IsNullOrWhiteSpace(search))
        {
            return await SearchPublishedAsync(query, search, page, pageSize, cancellationToken);
        }

        var total = await query.CountAsync(cancellationToken);
        page = PagedResult<PublishedMeetingItem>.ClampPage(page, total, pageSize);
        var rows = await query.OrderByDescending(m => m.StartsOn)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new
            {
                m.Slug, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn,
                VenueFr = m.VenueEstablishment != null ? m.VenueEstablishment.NameFr : m.VenueTextFr,
                VenueAr = m.VenueEstablishment != null ? m.VenueEstablishment.NameAr : m.VenueTextAr,
                m.Summary!.PublishedAtUtc, m.Summary.BodyFr, m.Summary.BodyAr,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new PublishedMeetingItem(r.Slug, r.TitleFr, r.TitleAr, r.StartsOn, r.EndsOn, r.VenueFr, r.VenueAr,
            r.PublishedAtUtc ?? DateTime.MinValue, MinutesExcerpt.From(r.BodyFr), MinutesExcerpt.From(r.BodyAr))).ToList();
        return new PagedResult<PublishedMeetingItem>(items, page, pageSize, total);
    }

    /// <summary>A search goes through the index (decision 0015): best match first, the words marked in the excerpt.</summary>
    private async Task<PagedResult<PublishedMeetingItem>> SearchPublishedAsync(IQueryable<Meeting> published, string search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var found = await searchIndex.SearchAsync(Accounts.AccessScope.Anonymous,
            new Search.SearchRequest(search, [Search.SearchKind.Meeting], PublicOnly: true, page, pageSize), cancellationToken);
        var ids = found.Items.Select(i => i.EntityId).ToList();
        var rows = await published.Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id, m.Slug, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn,
                VenueFr = m.VenueEstablishment != null ? m.VenueEstablishment.NameFr : m.VenueTextFr,
                VenueAr = m.VenueEstablishment != null ? m.VenueEstablishment.NameAr : m.VenueTextAr,
                m.Summary!.PublishedAtUtc, m.Summary.BodyFr, m.Summary.BodyAr,
            })
            .ToListAsync(cancellationToken);
        var items = found.Items.Join(rows, i => i.EntityId, r => r.Id, (i, r) => new PublishedMeetingItem(r.Slug, r.TitleFr, r.TitleAr, r.StartsOn, r.EndsOn,
            r.VenueFr, r.VenueAr, r.PublishedAtUtc ?? DateTime.MinValue, MinutesExcerpt.From(r.BodyFr), MinutesExcerpt.From(r.BodyAr), i.Excerpt)).ToList();
        return new PagedResult<PublishedMeetingItem>(items, found.Page, found.PageSize, found.TotalCount);
    }

    public Task<MeetingPage?> PublishedBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        MeetingPages.ReadAsync(db.Meetings.Where(m => m.Slug == slug && m.Summary != null && m.Summary.Status == SummaryStatus.Published), cancellationToken);

    public async Task<CalendarFeed> CalendarAsync(CancellationToken cancellationToken = default)
    {
        var today = calendar.Today;
        var upcoming = await Entries(db.Meetings.Where(m => m.AnnouncedPublicly && m.Status == MeetingStatus.Planned && m.EndsOn >= today)
            .OrderBy(m => m.StartsOn).Take(UpcomingShown)).ToListAsync(cancellationToken);
        var published = await Entries(db.Meetings.Where(m => m.Summary != null && m.Summary.Status == SummaryStatus.Published)
            .OrderByDescending(m => m.StartsOn).Take(FeedLength)).ToListAsync(cancellationToken);
        return new CalendarFeed([.. upcoming, .. published.Where(p => upcoming.All(u => u.Slug != p.Slug))], calendar.UtcNow);
    }

    private static IQueryable<CalendarEntry> Entries(IQueryable<Meeting> meetings) => meetings.AsNoTracking().Select(m => new CalendarEntry(
        m.Slug, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn,
        // The calendar is read in both languages: the venue with its town, "Nom, Ville" and "الاسم، المدينة".
        m.VenueEstablishment != null
            ? new Bilingual(
                m.VenueEstablishment.TownFr != null ? m.VenueEstablishment.NameFr + ", " + m.VenueEstablishment.TownFr : m.VenueEstablishment.NameFr,
                m.VenueEstablishment.TownAr != null ? m.VenueEstablishment.NameAr + "، " + m.VenueEstablishment.TownAr : m.VenueEstablishment.NameAr)
            : m.VenueTextFr != null || m.VenueTextAr != null ? new Bilingual(m.VenueTextFr, m.VenueTextAr) : null,
        m.Summary != null && m.Summary.Status == SummaryStatus.Published));
}
