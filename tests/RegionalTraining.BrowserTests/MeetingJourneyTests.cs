using System.Xml.Linq;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// A two-day meeting from creation to its public page: staff record it and write the minutes in both languages,
/// the regional director approves, staff publish and then correct the agenda with a reason, and an anonymous visitor
/// finds it by an Arabic word and sees the corrections.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingJourneyTests(BrowserPortal portal)
{
    private static Task SubmitAsync(IPage page, string formSelector) => Forms.PostAsync(page, formSelector + " button[type=submit]");

    [Fact]
    public async Task TwoDayMeeting_FromRecordingToPublicArchiveAndFeeds()
    {
        var staff = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(staff, "staff@demo.local");
        await staff.GotoAsync("/Meetings/Create");
        await staff.FillAsync("#TitleFr", "Rencontre régionale de Dakhla sur l'internat");
        await staff.FillAsync("#TitleAr", "اللقاء الجهوي بالداخلة حول الداخليات");
        await staff.FillAsync("#StartsOn", "2026-11-20");
        await staff.FillAsync("#EndsOn", "2026-11-21");
        await staff.SelectOptionAsync("#VenueEstablishmentId", new SelectOptionValue { Label = "ISTA Dakhla" });
        await staff.FillAsync("#ChairNameFr", "Le directeur régional");
        await staff.SelectOptionAsync("#Status", "Held");
        await staff.SelectOptionAsync("#InvitedEstablishmentIds", [new SelectOptionValue { Label = "ISTA Dakhla" }, new SelectOptionValue { Label = "ITA Dakhla" }, new SelectOptionValue { Label = "CFP Aousserd" }]);
        // This journey builds its own agenda: the follow-up of the previous meeting, offered ticked, is left out.
        if (await staff.Locator("#FollowUpOfPrevious").CountAsync() > 0)
        {
            await staff.UncheckAsync("#FollowUpOfPrevious");
        }

        await SubmitAsync(staff, "main form");
        Assert.Contains("/Meetings/Details/", staff.Url, StringComparison.Ordinal);
        var meetingUrl = staff.Url.Split('#')[0];

        // Agenda over the two days; the add form stays open from one entry to the next.
        await staff.ClickAsync("#agenda summary");
        foreach (var (type, day, speaker) in new[] { ("WelcomeSpeech", "1", "Directeur de l'ISTA Dakhla"), ("EstablishmentPresentation", "1", "Directeurs"), ("ClosingStatement", "2", "Directeur régional") })
        {
            Assert.True(await staff.Locator("#add-agenda[open]").IsVisibleAsync(), "the agenda form folded away");
            await staff.SelectOptionAsync("#agenda-type", type);
            await staff.FillAsync("#agenda-day", day);
            await staff.FillAsync("#agenda-speaker-fr", speaker);
            await SubmitAsync(staff, "form[action*='AddAgendaItem']");
        }

        Assert.Equal(3, await staff.Locator("#agenda li.list-group-item").CountAsync());
        // Reordering within the first day: the presentations move before the welcome speech.
        await Forms.PostAsync(staff, "#agenda li.list-group-item:nth-child(2) form:has(input[name=offset][value='-1']) button");
        Assert.Contains("Présentation", await staff.Locator("#agenda li.list-group-item").Nth(0).InnerTextAsync());
        await Forms.PostAsync(staff, "#agenda li.list-group-item:nth-child(2) form:has(input[name=offset][value='-1']) button");
        Assert.Contains("Mot de bienvenue", await staff.Locator("#agenda li.list-group-item").Nth(0).InnerTextAsync());

        // Attendance: two present, one excused.
        await staff.SelectOptionAsync("select[name='rows[0].Attendance']", "Present");
        await staff.SelectOptionAsync("select[name='rows[1].Attendance']", "Excused");
        await staff.SelectOptionAsync("select[name='rows[2].Attendance']", "Present");
        await SubmitAsync(staff, "form[action*='SaveAttendance']");

        // Two interventions and one decision.
        await staff.ClickAsync("#interventions summary");
        foreach (var (speaker, fr, ar) in new[] { ("Directeur de l'ISTA Dakhla", "Présentation de l'établissement et du besoin d'internat.", "عرض المؤسسة وحاجتها إلى الداخلية."), ("Directeur du CFP Aousserd", "Transport des stagiaires depuis les communes rurales.", "نقل المتدربين من الجماعات القروية.") })
        {
            Assert.True(await staff.Locator("#add-intervention[open]").IsVisibleAsync(), "the intervention form folded away");
            await staff.FillAsync("#int-speaker-fr", speaker);
            await staff.FillAsync("#int-fr", fr);
            await staff.FillAsync("#int-ar", ar);
            await SubmitAsync(staff, "form[action*='AddIntervention']");
        }

        await staff.ClickAsync("#decisions summary");
        await staff.FillAsync("#dec-text-fr", "Étudier avec le conseil provincial l'extension de l'internat de Dakhla.");
        await staff.SelectOptionAsync("#dec-owner", "Partner");
        await staff.FillAsync("#dec-partner", "Conseil provincial");
        await staff.FillAsync("#dec-due", "2027-03-31");
        await SubmitAsync(staff, "form[action*='AddDecision']");
        Assert.Equal(2, await staff.Locator("#interventions .intervention").CountAsync());
        Assert.True(await staff.Locator("#add-decision[open]").IsVisibleAsync(), "the decision form folded away after the addition");
        Assert.Equal(1, await staff.Locator("#decisions div.card").CountAsync());
        await BrowserPortal.ScreenshotAsync(staff, "meeting-01-staff-page.fr-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        // The minutes in Arabic and French, then review.
        await staff.GotoAsync(meetingUrl.Replace("/Details/", "/Summary/"));
        await staff.FillAsync("#BodyAr", "## الخلاصة\n\nتدارس المشاركون وضعية الداخليات بجهة الداخلة وادي الذهب واقترحوا توسيع داخلية الداخلة.");
        await staff.FillAsync("#BodyFr", "## Synthèse\n\nLes participants ont examiné la situation des internats de la région et proposé l'extension de celui de Dakhla.");
        await staff.FillAsync("#PressStatementFr", "Le directeur régional a salué l'engagement des directeurs.");
        await staff.FillAsync("#PressStatementAr", "نوه المدير الجهوي بانخراط المديرين.");
        await SubmitAsync(staff, "main form");
        await BrowserPortal.ScreenshotAsync(staff, "meeting-02-summary.fr-MA");
        await staff.GotoAsync(meetingUrl);
        await Forms.PostAsync(staff, "button[data-action=SendToReview]");

        var regional = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(regional, "regional.director@demo.local");
        await regional.GotoAsync(meetingUrl);
        Assert.Contains("تقرير اللقاء", await Forms.ConfirmAndPostAsync(regional, "button[data-action=Approve]"));
        await BrowserPortal.ScreenshotAsync(regional, "meeting-03-approved.ar-MA");
        // The history of the minutes: each revision with what it changed, in Arabic then in French.
        await regional.GotoAsync(meetingUrl.Replace("/Details/", "/Revisions/"));
        Assert.Contains("توسيع داخلية الداخلة", await regional.InnerTextAsync("main .diff"));
        await BrowserPortal.ScreenshotAsync(regional, "meeting-06-revisions.ar-MA");
        await staff.GotoAsync(meetingUrl.Replace("/Details/", "/Revisions/"));
        await BrowserPortal.ScreenshotAsync(staff, "meeting-06-revisions.fr-MA");

        await staff.GotoAsync(meetingUrl);
        Assert.Contains("sans se connecter", await Forms.ConfirmAndPostAsync(staff, "button[data-action=Publish]"));

        // Published means frozen: an agenda item is corrected only with a reason, in French then in Arabic.
        await staff.GotoAsync(meetingUrl);
        await staff.FillAsync("#agenda li.list-group-item:nth-child(1) input[name=correctionReason]", "Ordre des interventions rectifié");
        await Forms.PostAsync(staff, "#agenda li.list-group-item:nth-child(1) button[name=offset][value='1']");
        Assert.Contains("Présentation", await staff.Locator("#agenda li.list-group-item").Nth(0).InnerTextAsync());
        await BrowserPortal.ScreenshotAsync(staff, "meeting-07-correction.fr-MA");
        await regional.GotoAsync(meetingUrl);
        await regional.FillAsync("#agenda li.list-group-item:nth-child(3) input[name=correctionReason]", "بند أضيف خطأ");
        await Forms.PostAsync(regional, "#agenda li.list-group-item:nth-child(3) button.btn-outline-danger");
        Assert.Equal(2, await regional.Locator("#agenda li.list-group-item").CountAsync());
        await BrowserPortal.ScreenshotAsync(regional, "meeting-07-correction.ar-MA");

        // An anonymous visitor finds it by an Arabic word and opens it, in Arabic then in French.
        var visitor = await portal.NewPageAsync("ar-MA");
        await visitor.GotoAsync("/archive");
        await visitor.FillAsync("#q", "الداخليات");
        await Documents.FollowAsync(
            visitor,
            () => visitor.ClickAsync("form[role=search] button[type=submit]"),
            url => url.Contains("q=", StringComparison.Ordinal));
        var result = visitor.Locator("main h2 a", new() { HasText = "الداخلة" });
        Assert.Equal(1, await result.CountAsync());
        await Documents.FollowAsync(
            visitor,
            () => result.ClickAsync(),
            url => !url.Contains('?', StringComparison.Ordinal));
        var publicUrl = visitor.Url;
        Assert.Contains("توسيع داخلية الداخلة", await visitor.InnerTextAsync("main"));
        Assert.Contains("بند أضيف خطأ", await visitor.InnerTextAsync("#corrections"));
        await BrowserPortal.ScreenshotAsync(visitor, "meeting-04-public.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        await Languages.SwitchAsync(visitor, "fr");
        Assert.Contains("l'extension de celui de Dakhla", await visitor.InnerTextAsync("main"));
        var corrections = await visitor.InnerTextAsync("#corrections");
        Assert.Contains("Corrigé le", corrections);
        Assert.Contains("Ordre des interventions rectifié", corrections);
        await BrowserPortal.ScreenshotAsync(visitor, "meeting-04-public.fr-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);

        // The feeds: well-formed Atom listing it, and an iCalendar with its two days.
        var slug = new Uri(publicUrl).Segments.Last();
        var atom = await visitor.APIRequest.GetAsync("/archive/feed.atom");
        var feed = XDocument.Parse(await atom.TextAsync());
        XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Root!.Elements(ns + "entry"), e => e.Element(ns + "id")!.Value.EndsWith("/" + slug, StringComparison.Ordinal));
        var ics = await (await visitor.APIRequest.GetAsync("/archive/calendar.ics")).TextAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains($"UID:{slug}@", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20261120", ics);
        Assert.Contains("DTEND;VALUE=DATE:20261122", ics);

        await visitor.GotoAsync(publicUrl + "/print");
        await BrowserPortal.ScreenshotAsync(visitor, "meeting-05-print.fr-MA");
        foreach (var page in new[] { staff, regional, visitor })
        {
            await page.Context.CloseAsync();
        }
    }
}
