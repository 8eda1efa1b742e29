using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Planning;

namespace RegionalTraining.IntegrationTests.Meetings.Archive;

public sealed class MeetingArchiveServiceTests : IDisposable
{
    private readonly MeetingsDatabase _world = new();

    public void Dispose() => _world.Dispose();

    private const string Slug = "2026-03-20-rencontre-des-directeurs";

    [Fact]
    public async Task Draft_IsNeitherListedNorShownNorInTheCalendar()
    {
        await _world.SummaryAsync(SummaryStatus.Approved, "Texte confidentiel");

        Assert.Empty((await _world.Archive().PublishedAsync("confidentiel", 1)).Items);
        Assert.Null(await _world.Archive().PublishedBySlugAsync(Slug));
        Assert.Empty((await _world.Archive().CalendarAsync()).Entries);
    }

    [Fact]
    public async Task Published_IsFoundByAWordOfItsMinutes_AndShownWithItsParts()
    {
        await _world.SummaryAsync(SummaryStatus.Published, "Les ateliers de Mirleft seront équipés.");

        var found = await _world.Archive().PublishedAsync("ateliers", 1);
        var page = await _world.Archive().PublishedBySlugAsync(Slug);

        Assert.Equal(Slug, Assert.Single(found.Items).Slug);
        Assert.Equal(("Les ateliers de Mirleft seront équipés.", 1), (page!.Summary!.BodyFr, page.Invitations.Count));
    }

    [Fact]
    public async Task Calendar_HasUpcomingAnnouncedMeetingsAndPublishedOnes_EachOnce_StampedByTheClock()
    {
        await _world.SummaryAsync(SummaryStatus.Published);
        var announced = await _world.Planning().SaveAsync(_world.Staff, null, null, new MeetingInput(
            "Forum de l'emploi", "منتدى التشغيل", MeetingKind.DirectorsMeeting, new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 10), null, null, null, null, null, MeetingStatus.Planned, true, []));
        await _world.Planning().SaveAsync(_world.Staff, null, null, new MeetingInput(
            "Réunion interne", "اجتماع داخلي", MeetingKind.DirectorsMeeting, new DateOnly(2026, 4, 11), new DateOnly(2026, 4, 11), null, null, null, null, null, MeetingStatus.Planned, false, []));

        var calendar = await _world.Archive().CalendarAsync();

        Assert.True(announced.Succeeded);
        Assert.Equal([("2026-04-10-forum-de-l-emploi", false), (Slug, true)], calendar.Entries.Select(e => (e.Slug, e.Published)));
        Assert.Equal(_world.Clock.GetUtcNow().UtcDateTime, calendar.GeneratedAtUtc);
    }
}
