using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Meetings;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Meetings.FollowThrough;

/// <summary>The creation form offers the follow-up of the previous meeting, in the three languages; the item lands on the agenda.</summary>
[Collection(PortalCollection.Name)]
public sealed class FollowUpOfPreviousMeetingTests(RegionalTrainingFactory factory)
{
    private const string Staff = "staff@demo.local";

    [Theory]
    [InlineData("ar-MA", "إدراج تتبع الاجتماع السابق في جدول الأعمال")]
    [InlineData("fr-MA", "Inscrire le suivi de la réunion précédente à l'ordre du jour")]
    [InlineData("en", "Put the follow-up of the previous meeting on the agenda")]
    public async Task Create_TheBoxIsOfferedTicked_AndTheFollowUpComesFirstOnTheAgenda(string culture, string label)
    {
        var staff = await factory.SignedInClientAsync(Staff, culture);

        var form = WebUtility.HtmlDecode(await staff.GetStringAsync("/Meetings/Create"));
        Assert.Contains(label, form);
        Assert.Matches("<input type=\"checkbox\" id=\"FollowUpOfPrevious\" name=\"FollowUpOfPrevious\" value=\"true\" checked=\"checked\"", form);

        var title = "Suivi " + culture + " " + Guid.NewGuid().ToString("N")[..6];
        var response = await staff.PostFormAsync("/Meetings/Create", "/Meetings/Create", new Dictionary<string, string>
        {
            ["TitleFr"] = title, ["TitleAr"] = "لقاء التتبع", ["Kind"] = "DirectorsMeeting", ["StartsOn"] = "2031-01-15", ["EndsOn"] = "2031-01-15", ["Status"] = "Planned",
            ["FollowUpOfPrevious"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = WebUtility.HtmlDecode(await staff.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains(culture == "ar-MA" ? "تتبع الاجتماع السابق" : "Suivi de la réunion précédente", details);
        var agenda = await factory.WithDbAsync(db => db.AgendaItems.Where(a => db.Meetings.Any(m => m.Id == a.MeetingId && m.TitleFr == title)).ToListAsync());
        var item = Assert.Single(agenda);
        Assert.Equal(AgendaItemType.PreviousMeetingFollowUp, item.Type);
        Assert.False(string.IsNullOrWhiteSpace(item.DescriptionFr));
        Assert.False(string.IsNullOrWhiteSpace(item.DescriptionAr));
    }

    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    public async Task Create_ForStaff_IsolatesThePreviousMeetingsTitleAndDateInTheHelpText(string culture)
    {
        // A French title inside an Arabic sentence (or the reverse), and a date, keep their own order only when isolated.
        var staff = await factory.SignedInClientAsync(Staff, culture);

        var form = WebUtility.HtmlDecode(await staff.GetStringAsync("/Meetings/Create"));

        var help = Regex.Match(form, "id=\"follow-up-help\">([^<]*)<").Groups[1].Value;
        Assert.Matches("\u2068[^\u2069]+\u2069", help);
        Assert.Matches("\u2066\\d{4}-\\d{2}-\\d{2}\u2069", help);
    }

    [Theory]
    [InlineData("fr-MA", "réunion précédente")]
    [InlineData("ar-MA", "الاجتماع السابق")]
    public async Task Create_ForAnAdministrator_TiesEachDirectoratesOwnPreviousMeetingToIt(string culture, string previousWords)
    {
        await factory.EnsureOtherDirectorateAsync();
        var other = await factory.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DR-OTHER").Select(d => d.Id).SingleAsync());
        var main = await factory.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync());
        var otherTitle = "Réunion DR test " + Guid.NewGuid().ToString("N")[..6];
        // Later than every other meeting: an offer of "the latest meeting of any directorate" would name it for DR-SUD too.
        var otherMeeting = await factory.WithDbAsync(async db =>
        {
            var meeting = new Meeting
            {
                DirectorateId = other, TitleFr = otherTitle, TitleAr = otherTitle, Slug = "2040-06-01-" + Guid.NewGuid().ToString("N")[..6],
                StartsOn = new DateOnly(2040, 6, 1), EndsOn = new DateOnly(2040, 6, 1), Status = MeetingStatus.Planned,
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var mainMeeting = await factory.WithDbAsync(db => db.Meetings.Where(m => m.DirectorateId == main && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Select(m => new { m.Id, m.TitleFr, m.TitleAr }).FirstAsync());
        var admin = await factory.SignedInClientAsync("admin@demo.local", culture);

        var form = WebUtility.HtmlDecode(await admin.GetStringAsync("/Meetings/Create"));

        string Line(int directorate)
        {
            var lines = Regex.Matches(form, $"<li data-directorate=\"{directorate}\"[^>]*>(.*?)</li>");
            Assert.Single(lines);
            return lines[0].Value;
        }

        var mainLine = Line(main);
        var otherLine = Line(other);
        Assert.Contains($"data-previous=\"{mainMeeting.Id}\"", mainLine);
        Assert.Contains(culture == "ar-MA" ? mainMeeting.TitleAr : mainMeeting.TitleFr, mainLine);
        Assert.Contains(culture == "ar-MA" ? "المديرية الجهوية للأقاليم الجنوبية" : "Direction régionale des provinces du Sud", mainLine);
        Assert.Contains(previousWords, mainLine);
        Assert.DoesNotContain(otherTitle, mainLine);
        Assert.Contains($"data-previous=\"{otherMeeting}\"", otherLine);
        Assert.Contains(otherTitle, otherLine);
        Assert.Contains(culture == "ar-MA" ? "مديرية الاختبار" : "Direction test", otherLine);
    }

    [Fact]
    public async Task Create_WithTheBoxUnticked_HasAnEmptyAgenda()
    {
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");
        var title = "Sans suivi " + Guid.NewGuid().ToString("N")[..6];

        var response = await staff.PostFormAsync("/Meetings/Create", "/Meetings/Create", new Dictionary<string, string>
        {
            ["TitleFr"] = title, ["TitleAr"] = "لقاء", ["Kind"] = "DirectorsMeeting", ["StartsOn"] = "2031-02-15", ["EndsOn"] = "2031-02-15", ["Status"] = "Planned",
            ["FollowUpOfPrevious"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AgendaItems.AnyAsync(a => db.Meetings.Any(m => m.Id == a.MeetingId && m.TitleFr == title))));
    }
}

/// <summary>The public page shows how many items each establishment had resolved, never the items; staff see them in full.</summary>
[Collection(PortalCollection.Name)]
public sealed class ResolvedSincePageTests(RegionalTrainingFactory factory)
{
    [Theory]
    [InlineData("ar-MA", "العناصر التي عولجت منذ الاجتماع السابق")]
    [InlineData("fr-MA", "Points résolus depuis la réunion précédente")]
    public async Task PublishedMeeting_PublicPageCountsPerEstablishment_StaffPrintListsTheItems(string culture, string heading)
    {
        var establishment = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var description = "Citerne privée " + Guid.NewGuid().ToString("N")[..8];
        var slug = "2031-03-01-resolus-" + Guid.NewGuid().ToString("N")[..6];
        var meetingId = await factory.WithDbAsync(async db =>
        {
            var directorate = await db.Establishments.Where(e => e.Id == establishment).Select(e => e.Province!.Region!.DirectorateId).SingleAsync();
            var meeting = new Meeting
            {
                DirectorateId = directorate, TitleFr = "Réunion publiée", TitleAr = "اجتماع منشور", Slug = slug, StartsOn = new DateOnly(2031, 3, 1), EndsOn = new DateOnly(2031, 3, 1),
                Status = MeetingStatus.Held,
                Summary = new MeetingSummary { BodyFr = "Compte rendu", BodyAr = "تقرير", Status = SummaryStatus.Published, PublishedAtUtc = new DateTime(2031, 3, 2, 0, 0, 0, DateTimeKind.Utc) },
            };
            meeting.ResolvedItems.Add(new RegionalTraining.Core.Meetings.FollowThrough.MeetingResolvedItem
            {
                ItemType = RegionalTraining.Core.NeedsAndConstraints.ItemType.Constraint, ItemId = 1, EstablishmentId = establishment, EstablishmentFr = "ISTA Mirleft",
                EstablishmentAr = "معهد ميرلفت", Category = RegionalTraining.Core.NeedsAndConstraints.NeedCategory.Infrastructure, Description = description, Outcome = "Installée",
                ResolvedOn = new DateOnly(2031, 2, 1), Status = RegionalTraining.Core.NeedsAndConstraints.FollowUpStatus.Closed,
            });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        var publicPage = WebUtility.HtmlDecode(await factory.NewClient(culture).GetStringAsync($"/archive/{slug}"));
        var staffPrint = WebUtility.HtmlDecode(await (await factory.SignedInClientAsync("staff@demo.local", culture)).GetStringAsync($"/Meetings/Print/{meetingId}"));

        Assert.Contains(heading, publicPage);
        Assert.Contains(culture == "ar-MA" ? "معهد ميرلفت" : "ISTA Mirleft", publicPage);
        Assert.DoesNotContain(description, publicPage);
        Assert.Contains(description, staffPrint);
    }
}
