using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Meetings;

[Collection(PortalCollection.Name)]
public sealed class MeetingTests(RegionalTrainingFactory factory)
{
    private const string FoundingSlug = "2023-01-20-rencontre-des-directeurs-d-etablissements-mirleft";

    /// <summary>A meeting of the southern directorate created through the staff pages; returns its id.</summary>
    private async Task<int> CreateMeetingAsync(HttpClient staff, string titleFr)
    {
        var response = await staff.PostFormAsync("/Meetings/Create", "/Meetings/Create", new Dictionary<string, string>
        {
            ["TitleFr"] = titleFr,
            ["TitleAr"] = "لقاء تجريبي",
            ["Kind"] = "DirectorsMeeting",
            ["StartsOn"] = "2026-10-05",
            ["EndsOn"] = "2026-10-06",
            ["Status"] = "Held",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static Task<HttpResponseMessage> SaveSummaryAsync(HttpClient client, int id, string bodyFr, string? rowVersion = null, string? reason = null) =>
        client.PostFormAsync($"/Meetings/Summary/{id}", $"/Meetings/Summary/{id}", new Dictionary<string, string>
        {
            ["BodyFr"] = bodyFr,
            ["BodyAr"] = "ملخص اللقاء التجريبي",
            ["RowVersion"] = rowVersion ?? string.Empty,
            ["CorrectionReason"] = reason ?? string.Empty,
        });

    private static Task<HttpResponseMessage> TransitionAsync(HttpClient client, int id, SummaryAction action) =>
        client.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/Transition/{id}", new Dictionary<string, string> { ["action"] = action.ToString() });

    [Fact]
    public async Task FoundingMeeting_IsInThePublicArchiveAndFoundByAnArabicWord()
    {
        var anonymous = factory.NewClient("ar-MA");

        var archive = await anonymous.GetStringAsync("/archive?q=" + Uri.EscapeDataString("ميرلفت"));
        var page = await anonymous.GetAsync("/archive/" + FoundingSlug);

        Assert.Contains(FoundingSlug, archive);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h2>هدف اللقاء</h2>", html);
        Assert.Contains("فاضمة البوهالي", html);
    }

    [Fact]
    public async Task Archive_SearchForAnAbsentWord_FindsNothing()
    {
        var html = await factory.NewClient("fr-MA").GetStringAsync("/archive?q=zzzxqw");

        Assert.DoesNotContain(FoundingSlug, html);
    }

    [Fact]
    public async Task AtomFeed_IsAtomXmlListingPublishedSummaries()
    {
        var response = await factory.NewClient().GetAsync("/archive/feed.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.Contains(feed.Root.Elements(atom + "entry"), e => e.Element(atom + "id")!.Value.EndsWith(FoundingSlug, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CalendarFeed_IsICalendarWithFoldedCrlfLines()
    {
        var response = await factory.NewClient().GetAsync("/archive/calendar.ics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        // RFC 5545 leaves the order of the calendar's properties free (Ical.Net writes PRODID before VERSION).
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains("\r\nVERSION:2.0\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain(text.Replace("\r\n", string.Empty), c => c == '\n');
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("UID:" + FoundingSlug + "@", text);
        Assert.Contains("DTSTART;VALUE=DATE:20230120", text);
        Assert.Contains("DTEND;VALUE=DATE:20230122", text);
    }

    [Fact]
    public async Task DraftSummary_IsInvisibleToTheAnonymousAndOtherDirectorates()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var id = await CreateMeetingAsync(staff, "Réunion non publiée");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSummaryAsync(staff, id, "Texte secret de brouillon")).StatusCode);
        var slug = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Slug).SingleAsync());
        await factory.EnsureOtherDirectorateAsync();
        var otherStaff = await factory.SignedInClientAsync(RegionalTrainingFactory.OtherStaffEmail);
        var director = await factory.SignedInClientAsync("director.dakhla@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync("/archive/" + slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync("/archive/" + slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync($"/Meetings/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/Meetings/Details/{id}")).StatusCode);
        Assert.DoesNotContain("Texte secret", await factory.NewClient().GetStringAsync("/archive?q=secret"));
        Assert.DoesNotContain(slug, await factory.NewClient().GetStringAsync("/archive/feed.atom"));
        Assert.DoesNotContain(slug, await factory.NewClient().GetStringAsync("/archive/calendar.ics"));
    }

    [Fact]
    public async Task SummaryWorkflow_StaffCannotApprove_RegionalDirectorApproves_StaffPublishes()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        var id = await CreateMeetingAsync(staff, "Réunion de suivi des contraintes");
        await SaveSummaryAsync(staff, id, "## Suivi\n\nLes contraintes de transport ont été examinées.");

        await TransitionAsync(staff, id, SummaryAction.SendToReview);
        await TransitionAsync(staff, id, SummaryAction.Approve);
        var afterStaffApprove = await factory.WithDbAsync(db => db.MeetingSummaries.Where(s => s.MeetingId == id).Select(s => s.Status).SingleAsync());
        await TransitionAsync(regional, id, SummaryAction.Approve);
        await TransitionAsync(staff, id, SummaryAction.Publish);
        var slug = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Slug).SingleAsync());

        Assert.Equal(SummaryStatus.InReview, afterStaffApprove);
        Assert.Equal(SummaryStatus.Published, await factory.WithDbAsync(db => db.MeetingSummaries.Where(s => s.MeetingId == id).Select(s => s.Status).SingleAsync()));
        Assert.Contains("Les contraintes de transport", await factory.NewClient("fr-MA").GetStringAsync("/archive/" + slug));

        // Published minutes are frozen: a change needs a reason, and makes a new revision.
        var page = await staff.GetStringAsync($"/Meetings/Summary/{id}");
        var version = HttpClientFormExtensions.HiddenValue(page, "RowVersion");
        var withoutReason = await SaveSummaryAsync(staff, id, "Texte corrigé", version);
        var corrected = await SaveSummaryAsync(staff, id, "Texte corrigé", version, "Coquille dans le titre");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var summaryId = await factory.WithDbAsync(db => db.MeetingSummaries.Where(s => s.MeetingId == id).Select(s => s.Id).SingleAsync());
        var revisions = await factory.WithDbAsync(db => db.SummaryRevisions.Where(r => r.SummaryId == summaryId).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal("Coquille dans le titre", revisions.Last().Reason);
        Assert.Contains(revisions, r => r.BodyFr.Contains("Les contraintes de transport"));
    }

    [Fact]
    public async Task SummaryWorkflow_TellsWhoActsNext_RegionalDirectorToReviewStaffToPublish()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        var id = await CreateMeetingAsync(staff, "Réunion à signaler");
        await SaveSummaryAsync(staff, id, "Compte rendu prêt pour examen.");
        var link = $"/Meetings/Details/{id}";
        var regionalId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "regional.director@demo.local").Select(u => u.Id).SingleAsync());
        var staffId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "staff@demo.local").Select(u => u.Id).SingleAsync());
        Task<string[]> NoticesAsync(string userId) =>
            factory.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId && n.Link == link).Select(n => n.MessageKey).ToArrayAsync());

        await TransitionAsync(staff, id, SummaryAction.SendToReview);
        var regionalAfterReview = await NoticesAsync(regionalId);
        await TransitionAsync(regional, id, SummaryAction.Approve);

        Assert.Equal([Messages.MinutesAwaitReviewNotice], regionalAfterReview);
        Assert.Equal([Messages.MinutesAwaitReviewNotice], await NoticesAsync(regionalId));
        Assert.Equal([Messages.MinutesApprovedNotice], await NoticesAsync(staffId));
        var mail = Directory.GetFiles(factory.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        Assert.Contains(mail, m => m.To.Mailboxes.Any(a => a.Address == "regional.director@demo.local") && (m.TextBody ?? string.Empty).Contains("Réunion à signaler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summary_WithScriptAndOnerror_RendersWithoutRunningThem()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        var id = await CreateMeetingAsync(staff, "Réunion au texte piégé");
        await SaveSummaryAsync(staff, id, "Avant <script>alert('x')</script> <img src=x onerror=alert(1)> après [lien](javascript:alert(2))");
        await TransitionAsync(staff, id, SummaryAction.SendToReview);
        await TransitionAsync(regional, id, SummaryAction.Approve);
        await TransitionAsync(staff, id, SummaryAction.Publish);
        var slug = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Slug).SingleAsync());

        var html = await factory.NewClient("fr-MA").GetStringAsync("/archive/" + slug);
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("main")!;

        Assert.Contains("Avant", body.TextContent);
        Assert.Empty(body.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(body.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? string.Empty).StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TwoStaffEditingTheSummary_SecondSaveIsRefusedAndKeepsItsText()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        var id = await CreateMeetingAsync(staff, "Réunion à deux plumes");
        await SaveSummaryAsync(staff, id, "Première version");
        var staffVersion = HttpClientFormExtensions.HiddenValue(await staff.GetStringAsync($"/Meetings/Summary/{id}"), "RowVersion");
        var regionalVersion = HttpClientFormExtensions.HiddenValue(await regional.GetStringAsync($"/Meetings/Summary/{id}"), "RowVersion");

        var first = await SaveSummaryAsync(regional, id, "Version du directeur régional", regionalVersion);
        var second = await SaveSummaryAsync(staff, id, "Version du cadre, tapée en même temps", staffVersion);
        var html = await second.Content.ReadAsStringAsync();

        Assert.True(first.StatusCode == HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone else saved the summary", html);
        Assert.Contains("Version du cadre, tapée en même temps", System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal("Version du directeur régional", await factory.WithDbAsync(db => db.MeetingSummaries.Where(s => s.MeetingId == id).Select(s => s.BodyFr).SingleAsync()));
    }

    [Fact]
    public async Task PresentationIntervention_FreezesTheEstablishmentsFigures()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var id = await CreateMeetingAsync(staff, "Réunion avec présentations");
        var establishment = await factory.EstablishmentIdAsync("CFP-TARFAYA");
        var yearId = await factory.WithDbAsync(db => db.TrainingYears.Where(y => y.StartYear == 2026).Select(y => y.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            if (!await db.Profiles.AnyAsync(p => p.EstablishmentId == establishment && p.TrainingYearId == yearId))
            {
                var programme = await db.Programmes.Select(p => p.Id).FirstAsync();
                db.Profiles.Add(new RegionalTraining.Core.Profiles.EstablishmentProfile
                {
                    EstablishmentId = establishment, TrainingYearId = yearId, Status = RegionalTraining.Core.Profiles.ProfileStatus.Approved,
                    PermanentTrainers = 7,
                    Programmes = [new RegionalTraining.Core.Profiles.ProfileProgramme { ProgrammeId = programme, Capacity = 60, FirstYearTrainees = 30, FirstYearWomen = 12, SecondYearTrainees = 20, SecondYearWomen = 8 }],
                });
            }

            return await db.SaveChangesAsync();
        });

        await staff.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/AddIntervention/{id}", new Dictionary<string, string>
        {
            ["speakerFr"] = "Directeur du CFP Tarfaya",
            ["establishmentId"] = establishment.ToString(),
            ["summaryFr"] = "Présentation de la fiche signalétique.",
        });
        var intervention = await factory.WithDbAsync(db => db.Interventions.AsNoTracking().SingleAsync(i => i.MeetingId == id));

        Assert.Equal((50, 20, 7, 1), (intervention.FiguresTrainees, intervention.FiguresTraineesWomen, intervention.FiguresTrainers, intervention.FiguresProgrammes));
        Assert.Equal("2026/2027", intervention.FiguresYear);
    }
}
