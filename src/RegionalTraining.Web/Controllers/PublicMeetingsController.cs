using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.ViewModels.Meetings;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The public side: the archive of published summaries, one page per meeting at a stable address, an Atom
/// feed and an iCalendar feed. Nothing that is not published (or, for the calendar, announced) appears here.
/// </summary>
[AllowAnonymous]
[Route("archive")]
[EnableRateLimiting(RateLimitPolicies.PublicArchive)]
public sealed class PublicMeetingsController(IMeetingService meetings, IConfiguration configuration) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default) =>
        View(new ArchiveViewModel(await meetings.PublishedAsync(q, page, cancellationToken: cancellationToken), q));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var meeting = await meetings.PublishedBySlugAsync(slug, cancellationToken);
        return meeting is null ? NotFound() : View(new MeetingPageViewModel(meeting, IsPublic: true, PublicUrl(slug)));
    }

    [HttpGet("{slug}/print")]
    public async Task<IActionResult> Print(string slug, CancellationToken cancellationToken)
    {
        var meeting = await meetings.PublishedBySlugAsync(slug, cancellationToken);
        return meeting is null ? NotFound() : View(new MeetingPageViewModel(meeting, IsPublic: true, PublicUrl(slug)));
    }

    [HttpGet("feed.atom")]
    public async Task<IActionResult> Atom(CancellationToken cancellationToken)
    {
        var items = await meetings.PublishedAsync(null, 1, 50, cancellationToken);
        var updated = items.Items.Count == 0 ? DateTime.UnixEpoch : items.Items.Max(i => i.PublishedAtUtc);
        var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", ns);
            xml.WriteElementString("title", ns, "RegionalTraining — comptes rendus / تقارير اللقاءات");
            xml.WriteElementString("id", ns, Absolute("/archive"));
            xml.WriteElementString("updated", ns, XmlConvert.ToString(updated, XmlDateTimeSerializationMode.Utc));
            WriteLink(xml, ns, "self", Absolute("/archive/feed.atom"));
            WriteLink(xml, ns, "alternate", Absolute("/archive"));
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, "RegionalTraining");
            xml.WriteEndElement();
            foreach (var item in items.Items)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, $"{item.TitleFr} — {item.TitleAr}");
                xml.WriteElementString("id", ns, PublicUrl(item.Slug));
                xml.WriteElementString("updated", ns, XmlConvert.ToString(item.PublishedAtUtc, XmlDateTimeSerializationMode.Utc));
                xml.WriteElementString("published", ns, XmlConvert.ToString(item.PublishedAtUtc, XmlDateTimeSerializationMode.Utc));
                WriteLink(xml, ns, "alternate", PublicUrl(item.Slug));
                xml.WriteStartElement("summary", ns);
                xml.WriteAttributeString("type", "text");
                xml.WriteString($"{item.ExcerptFr}\n\n{item.ExcerptAr}");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return File(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    [HttpGet("calendar.ics")]
    public async Task<IActionResult> Calendar(CancellationToken cancellationToken)
    {
        var upcoming = await meetings.UpcomingAnnouncedAsync(cancellationToken);
        var recent = await meetings.PublishedAsync(null, 1, 50, cancellationToken);
        var host = new Uri(Absolute("/")).Host;
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//RegionalTraining//Meetings//FR");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "X-WR-CALNAME:RegionalTraining");
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var m in upcoming)
        {
            Event(ics, $"{m.Slug}@{host}", stamp, m.StartsOn, m.EndsOn, $"{m.TitleFr} — {m.TitleAr}",
                m.VenueEstablishment is { } venue ? $"{venue.NameFr} — {venue.NameAr}" : m.VenueText, null);
        }

        foreach (var m in recent.Items.Where(i => upcoming.All(u => u.Slug != i.Slug)))
        {
            Event(ics, $"{m.Slug}@{host}", stamp, m.StartsOn, m.EndsOn, $"{m.TitleFr} — {m.TitleAr}", m.VenueFr, PublicUrl(m.Slug));
        }

        Line(ics, "END:VCALENDAR");
        return File(Encoding.UTF8.GetBytes(ics.ToString()), "text/calendar; charset=utf-8", "regionaltraining-meetings.ics");
    }

    private static void Event(StringBuilder ics, string uid, string stamp, DateOnly start, DateOnly end, string summary, string? location, string? url)
    {
        Line(ics, "BEGIN:VEVENT");
        Line(ics, "UID:" + uid);
        Line(ics, "DTSTAMP:" + stamp);
        Line(ics, "DTSTART;VALUE=DATE:" + start.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        // All-day events end the day after their last day (RFC 5545, 3.6.1).
        Line(ics, "DTEND;VALUE=DATE:" + end.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Line(ics, "SUMMARY:" + Escape(summary));
        if (!string.IsNullOrEmpty(location))
        {
            Line(ics, "LOCATION:" + Escape(location));
        }

        if (url is not null)
        {
            Line(ics, "URL:" + url);
        }

        Line(ics, "END:VEVENT");
    }

    /// <summary>Writes a content line folded at 75 octets, as RFC 5545 requires, without splitting a UTF-8 character.</summary>
    internal static void Line(StringBuilder ics, string line)
    {
        var bytes = 0;
        var first = true;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > limit)
            {
                ics.Append("\r\n ");
                bytes = 0;
                first = false;
            }

            ics.Append(rune.ToString());
            bytes += size;
            limit = first ? 75 : 74;
        }

        ics.Append("\r\n");
    }

    internal static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void WriteLink(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private string PublicUrl(string slug) => Absolute("/archive/" + Uri.EscapeDataString(slug));

    private string Absolute(string path)
    {
        var configured = configuration["App:PublicBaseUrl"]?.TrimEnd('/');
        return (string.IsNullOrEmpty(configured) ? $"{Request.Scheme}://{Request.Host}" : configured) + path;
    }
}
