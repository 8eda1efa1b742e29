using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace RegionalTraining.Core.Meetings.Archive;

/// <summary>
/// The archive as an Atom feed (RFC 4287, through System.ServiceModel.Syndication) and as an iCalendar file
/// (RFC 5545, through Ical.Net: folding at 75 octets, escaping and CRLF are the library's). See docs/decisions/0004-feeds.md.
/// </summary>
public static class MeetingFeeds
{
    public const string AtomContentType = "application/atom+xml; charset=utf-8";
    public const string CalendarContentType = "text/calendar; charset=utf-8";
    public const string CalendarFileName = "regionaltraining-meetings.ics";
    private const string Title = "RegionalTraining — comptes rendus / تقارير اللقاءات";

    /// <summary>The public address of a meeting's page under <paramref name="baseUrl"/> (scheme, host and any path prefix, no trailing slash).</summary>
    public static string PageUrl(string baseUrl, string slug) => baseUrl + "/archive/" + Uri.EscapeDataString(slug);

    public static byte[] Atom(IReadOnlyList<PublishedMeetingItem> items, string baseUrl)
    {
        var updated = items.Count == 0 ? DateTime.UnixEpoch : items.Max(i => i.PublishedAtUtc);
        var feed = new SyndicationFeed(Title, null, new Uri(baseUrl + "/archive"), baseUrl + "/archive", Utc(updated))
        {
            Items = [.. items.Select(i => Entry(i, baseUrl))],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(baseUrl + "/archive/feed.atom")));
        feed.Authors.Add(new SyndicationPerson { Name = "RegionalTraining" });
        var buffer = new MemoryStream();
        // UTF-8 without a byte-order mark: Arabic is written as characters, not as numeric entities.
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }

        return buffer.ToArray();
    }

    public static byte[] Calendar(CalendarFeed data, string baseUrl)
    {
        var host = new Uri(baseUrl).Host;
        var calendar = new Ical.Net.Calendar { ProductId = "-//RegionalTraining//Meetings//FR", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", "RegionalTraining");
        foreach (var entry in data.Entries)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{entry.Slug}@{host}",
                DtStamp = new CalDateTime(DateTime.SpecifyKind(data.GeneratedAtUtc, DateTimeKind.Utc)),
                DtStart = new CalDateTime(entry.StartsOn),
                // All-day events end the day after their last day (RFC 5545, 3.6.1).
                DtEnd = new CalDateTime(entry.EndsOn.AddDays(1)),
                Summary = $"{entry.TitleFr} — {entry.TitleAr}",
                // "French / Arabic", both read by everyone who subscribes; Ical.Net escapes commas and folds the line.
                Location = entry.Venue?.Both(),
                Url = entry.Published ? new Uri(PageUrl(baseUrl, entry.Slug)) : null,
            });
        }

        return new UTF8Encoding(false).GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    private static SyndicationItem Entry(PublishedMeetingItem item, string baseUrl)
    {
        var url = PageUrl(baseUrl, item.Slug);
        var entry = new SyndicationItem($"{item.TitleFr} — {item.TitleAr}", (SyndicationContent?)null, new Uri(url), url, Utc(item.PublishedAtUtc))
        {
            PublishDate = Utc(item.PublishedAtUtc),
            Summary = new TextSyndicationContent($"{item.ExcerptFr}\n\n{item.ExcerptAr}"),
        };
        return entry;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
