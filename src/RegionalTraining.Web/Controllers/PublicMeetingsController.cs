using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using RegionalTraining.Core.Meetings.Archive;
using RegionalTraining.Web.Infrastructure.Performance;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.ViewModels.Meetings;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The public side: the archive of published summaries, one page per meeting at a stable address, an Atom
/// feed and an iCalendar feed. Nothing that is not published (or, for the calendar, announced) appears here. Cached
/// for anonymous readers and answered 304 when unchanged (docs/decisions/0011-public-page-caching.md).
/// </summary>
[AllowAnonymous]
[Route("archive")]
[EnableRateLimiting(RateLimitPolicies.PublicArchive)]
[OutputCache(PolicyName = PublicPageCaching.PolicyName)]
[RevalidatePublicPage]
public sealed class PublicMeetingsController(IMeetingArchiveService archive, IConfiguration configuration) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default) =>
        View(new ArchiveViewModel(await archive.PublishedAsync(q, page, cancellationToken: cancellationToken), q));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var meeting = await archive.PublishedBySlugAsync(slug, cancellationToken);
        return meeting is null ? NotFound() : View(new MeetingPageViewModel(meeting, IsPublic: true, MeetingFeeds.PageUrl(BaseUrl(), slug)));
    }

    [HttpGet("{slug}/print")]
    public async Task<IActionResult> Print(string slug, CancellationToken cancellationToken)
    {
        var meeting = await archive.PublishedBySlugAsync(slug, cancellationToken);
        return meeting is null ? NotFound() : View(new MeetingPageViewModel(meeting, IsPublic: true, MeetingFeeds.PageUrl(BaseUrl(), slug)));
    }

    [HttpGet("feed.atom")]
    public async Task<IActionResult> Atom(CancellationToken cancellationToken)
    {
        var latest = await archive.PublishedAsync(null, 1, MeetingArchiveService.FeedLength, cancellationToken);
        return File(MeetingFeeds.Atom(latest.Items, BaseUrl()), MeetingFeeds.AtomContentType);
    }

    [HttpGet("calendar.ics")]
    public async Task<IActionResult> Calendar(CancellationToken cancellationToken) =>
        File(MeetingFeeds.Calendar(await archive.CalendarAsync(cancellationToken), BaseUrl()), MeetingFeeds.CalendarContentType, MeetingFeeds.CalendarFileName);

    /// <summary>The configured public address (links in feeds outlive the request), else the one this request came to.</summary>
    private string BaseUrl()
    {
        var configured = configuration["App:PublicBaseUrl"]?.TrimEnd('/');
        return string.IsNullOrEmpty(configured) ? $"{Request.Scheme}://{Request.Host}" : configured;
    }
}
