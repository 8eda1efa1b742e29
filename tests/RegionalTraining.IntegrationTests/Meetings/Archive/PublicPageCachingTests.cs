using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Versions;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Meetings.Archive;

/// <summary>
/// The public pages and feeds are served from the output cache to anonymous readers, and never stale: a publication
/// or a correction shows on the very next request, on this node and on another one sharing the database. Whether an
/// answer came from the cache is told by counting the database commands that read meetings, never by time.
/// </summary>
public sealed class PublicPageCachingTests(CountingPortal portal) : IClassFixture<CountingPortal>
{
    private const string FoundingSlug = "2023-01-20-rencontre-des-directeurs-d-etablissements-mirleft";

    public static TheoryData<string> PublicUrls => new()
    {
        "/archive", "/archive?q=formation&page=1", "/archive/" + FoundingSlug, "/archive/" + FoundingSlug + "/print", "/archive/feed.atom", "/archive/calendar.ics",
    };

    [Theory]
    [MemberData(nameof(PublicUrls))]
    public async Task SecondAnonymousRequest_IsServedFromTheCache_WithoutReadingMeetings(string url)
    {
        var first = await portal.NewClient("fr-MA").GetAsync(url);
        var readsAfterFirst = portal.MeetingReads.Count;

        var second = await portal.NewClient("fr-MA").GetAsync(url);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(readsAfterFirst, portal.MeetingReads.Count);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("public, no-cache", second.Headers.CacheControl?.ToString());
        Assert.NotNull(second.Headers.ETag);
        Assert.NotNull(second.Content.Headers.LastModified);
        Assert.Contains("Accept-Language", second.Headers.Vary);
        Assert.False(first.Headers.Contains("Set-Cookie") || second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Publishing_ThenCorrecting_ShowsOnTheVeryNextRequest_AndOldValidatorsNoLongerMatch()
    {
        var anonymous = portal.NewClient("fr-MA");
        var archiveBefore = await anonymous.GetAsync("/archive");
        var feedBefore = await anonymous.GetStringAsync("/archive/feed.atom");
        var meeting = await PublishedMeeting.CreateAsync(portal, "Réunion publiée sous cache", "Texte publié d'abord");

        var archive = await anonymous.GetStringAsync("/archive");
        var feed = await anonymous.GetStringAsync("/archive/feed.atom");
        var calendar = await anonymous.GetStringAsync("/archive/calendar.ics");
        var page = await anonymous.GetStringAsync("/archive/" + meeting.Slug);
        var stale = await Conditional(anonymous, "/archive", archiveBefore.Headers.ETag!);
        await meeting.CorrectAsync("Texte corrigé ensuite");
        var corrected = await anonymous.GetStringAsync("/archive/" + meeting.Slug);
        var correctedPrint = await anonymous.GetStringAsync("/archive/" + meeting.Slug + "/print");

        Assert.DoesNotContain(meeting.Slug, feedBefore);
        Assert.Contains(meeting.Slug, archive);
        Assert.Contains(meeting.Slug, feed);
        Assert.Contains(meeting.Slug, calendar);
        Assert.Contains("Texte publié d'abord", WebUtility.HtmlDecode(page));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Texte corrigé ensuite", WebUtility.HtmlDecode(corrected));
        Assert.Contains("Texte corrigé ensuite", WebUtility.HtmlDecode(correctedPrint));
    }

    [Fact]
    public async Task AChangeSavedOnOneNode_ShowsOnTheOtherNodeSharingTheDatabase_WhichAlsoAnswers304ToTheFirstNodesETag()
    {
        using var other = new CountingPortal { SharedDatabasePath = portal.DatabasePath };
        var otherReader = other.NewClient("fr-MA");
        var before = await otherReader.GetStringAsync("/archive");
        var cached = await otherReader.GetStringAsync("/archive");
        var meeting = await PublishedMeeting.CreateAsync(portal, "Réunion vue par deux nœuds", "Première rédaction");
        other.StampClock.Advance(DataVersionCache.MaxAge);

        var archive = await otherReader.GetStringAsync("/archive");
        var page = await otherReader.GetStringAsync("/archive/" + meeting.Slug);
        await meeting.CorrectAsync("Rédaction corrigée sur le premier nœud");
        other.StampClock.Advance(DataVersionCache.MaxAge);
        var corrected = await otherReader.GetStringAsync("/archive/" + meeting.Slug);
        // The print view: this node has never served it, so the 304 comes from the version alone, not from its cache.
        var fromFirstNode = await portal.NewClient("fr-MA").GetAsync("/archive/" + meeting.Slug + "/print");
        var readsBefore = other.MeetingReads.Count;
        var revalidated = await Conditional(other.NewClient("fr-MA"), "/archive/" + meeting.Slug + "/print", fromFirstNode.Headers.ETag!);

        Assert.Equal(before, cached);
        Assert.DoesNotContain(meeting.Slug, before);
        Assert.Contains(meeting.Slug, archive);
        Assert.Contains("Première rédaction", WebUtility.HtmlDecode(page));
        Assert.Contains("Rédaction corrigée sur le premier nœud", WebUtility.HtmlDecode(corrected));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(readsBefore, other.MeetingReads.Count);
    }

    [Theory]
    [MemberData(nameof(PublicUrls))]
    public async Task Unchanged_Answers304_ToIfNoneMatch_AndToIfModifiedSince_ButNotToAnOlderDate(string url)
    {
        var first = await portal.NewClient("fr-MA").GetAsync(url);
        var lastModified = first.Content.Headers.LastModified!.Value;

        var byTag = await Conditional(portal.NewClient("fr-MA"), url, first.Headers.ETag!);
        var byDate = await Send(portal.NewClient("fr-MA"), url, r => r.Headers.IfModifiedSince = lastModified);
        var byOlderDate = await Send(portal.NewClient("fr-MA"), url, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));
        var otherLanguage = await Conditional(portal.NewClient("ar-MA"), url, first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOlderDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherLanguage.StatusCode);
    }

    [Fact]
    public async Task SignedInRequest_IsNeverServedFromTheCacheNorStoredInIt_AndKeepsNoStore()
    {
        var url = "/archive?q=" + Guid.NewGuid().ToString("N");
        var staff = await portal.SignedInClientAsync("staff@demo.local");

        var signedInFirst = await staff.GetAsync(url);
        var anonymousAfter = await portal.NewClient().GetAsync(url);
        var readsBefore = portal.MeetingReads.Count;
        var signedInAgain = await staff.GetAsync(url);
        var readsBySignedIn = portal.MeetingReads.Count - readsBefore;

        Assert.True(signedInFirst.Headers.CacheControl?.NoStore);
        Assert.True(signedInAgain.Headers.CacheControl?.NoStore);
        Assert.Null(signedInAgain.Headers.ETag);
        Assert.Contains("Sign out", await signedInAgain.Content.ReadAsStringAsync());
        Assert.True(readsBySignedIn > 0, "the signed-in request was answered from the cache");
        Assert.DoesNotContain("Sign out", await anonymousAfter.Content.ReadAsStringAsync());
        Assert.Equal("public, no-cache", anonymousAfter.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ArabicAndFrench_AreCachedApart_WhetherChosenByAcceptLanguageOrByTheCultureCookie()
    {
        var french = await portal.NewClient("fr-MA").GetStringAsync("/archive");
        var arabic = await portal.NewClient("ar-MA").GetStringAsync("/archive");
        var byCookie = portal.NewClient("fr-MA");
        byCookie.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dar-MA%7Cuic%3Dar-MA");
        var arabicByCookie = await byCookie.GetStringAsync("/archive");
        var frenchAgain = await portal.NewClient("fr-MA").GetStringAsync("/archive");

        Assert.Contains("lang=\"fr", french);
        Assert.Contains("lang=\"ar", arabic);
        Assert.Contains("dir=\"rtl\"", arabic);
        Assert.Contains("lang=\"ar", arabicByCookie);
        Assert.Contains("lang=\"fr", frenchAgain);
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient client, string url, EntityTagHeaderValue etag) =>
        Send(client, url, r => r.Headers.IfNoneMatch.Add(etag));

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, Action<HttpRequestMessage> conditions)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        conditions(request);
        return client.SendAsync(request);
    }
}

/// <summary>A meeting of the southern directorate taken to publication through the staff pages, then corrected.</summary>
internal sealed class PublishedMeeting(HttpClient staff, int id, string slug)
{
    public string Slug => slug;

    public static async Task<PublishedMeeting> CreateAsync(RegionalTrainingFactory portal, string titleFr, string bodyFr)
    {
        var staff = await portal.SignedInClientAsync("staff@demo.local");
        var regional = await portal.SignedInClientAsync("regional.director@demo.local");
        var created = await staff.PostFormAsync("/Meetings/Create", "/Meetings/Create", new Dictionary<string, string>
        {
            ["TitleFr"] = titleFr, ["TitleAr"] = "لقاء تحت الذاكرة المؤقتة", ["Kind"] = "DirectorsMeeting",
            ["StartsOn"] = "2026-10-05", ["EndsOn"] = "2026-10-06", ["Status"] = "Held",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff, id, bodyFr, null, null)).StatusCode);
        foreach (var (client, action) in new[] { (staff, SummaryAction.SendToReview), (regional, SummaryAction.Approve), (staff, SummaryAction.Publish) })
        {
            var moved = await client.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/Transition/{id}", new Dictionary<string, string> { ["action"] = action.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        return new PublishedMeeting(staff, id, await portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Slug).SingleAsync()));
    }

    public async Task CorrectAsync(string bodyFr)
    {
        var version = HttpClientFormExtensions.HiddenValue(await staff.GetStringAsync($"/Meetings/Summary/{id}"), "RowVersion");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff, id, bodyFr, version, "Correction sous cache")).StatusCode);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, int id, string bodyFr, string? rowVersion, string? reason) =>
        client.PostFormAsync($"/Meetings/Summary/{id}", $"/Meetings/Summary/{id}", new Dictionary<string, string>
        {
            ["BodyFr"] = bodyFr, ["BodyAr"] = "ملخص اللقاء", ["RowVersion"] = rowVersion ?? string.Empty, ["CorrectionReason"] = reason ?? string.Empty,
        });
}

/// <summary>
/// The portal, counting the database commands that read the meetings table (the version read does not), optionally on
/// another portal's database file: two of them are two web nodes sharing one database.
/// </summary>
public sealed class CountingPortal : RegionalTrainingFactory
{
    /// <summary>Another portal's database file, to share it (read when the portal starts).</summary>
    public string? SharedDatabasePath { get; init; }

    public MeetingReadCounter MeetingReads { get; } = new();

    /// <summary>The clock by which this node's copy of the archive version ages (another node's change shows once it is older than its maximum age).</summary>
    public FakeTimeProvider StampClock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (SharedDatabasePath is not null)
        {
            builder.UseSetting("Database:ConnectionString", $"Data Source={SharedDatabasePath}");
        }

        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(MeetingReads));
            services.AddSingleton(sp => new DataVersionCache(sp.GetRequiredService<IServiceScopeFactory>(), StampClock));
        });
    }
}

public sealed class MeetingReadCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Tally(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Tally(command);
        return ValueTask.FromResult(result);
    }

    private void Tally(DbCommand command)
    {
        if (command.CommandText.Contains("\"Meetings\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
