using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// The public page of a meeting in French and in Arabic: the founding meeting, whose texts are filled in both languages,
/// shows each in the page's language; a meeting recorded in Arabic only shows its Arabic texts on the French page,
/// marked lang="ar" dir="rtl" so they are laid out and read as Arabic.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BilingualMeetingJourneyTests(BrowserPortal portal)
{
    private const string FoundingSlug = "2023-01-20-rencontre-des-directeurs-d-etablissements-mirleft";

    private static Task SubmitAsync(IPage page, string formSelector) => Forms.PostAsync(page, formSelector + " button[type=submit]");

    [Fact]
    public async Task FrenchAndArabicPages_ShowTheirOwnTexts_AndMarkTheOtherLanguageWhenTheirsIsEmpty()
    {
        var visitor = await portal.NewPageAsync("fr-MA");
        await visitor.GotoAsync("/archive/" + FoundingSlug);
        Assert.Contains("ISTA Fadma El Bouhali, Mirleft", await visitor.InnerTextAsync("main .meeting-venue"));
        Assert.Contains("Le directeur régional", await visitor.InnerTextAsync("main header"));
        Assert.Equal(0, await visitor.Locator("main header span[lang=ar]").CountAsync());
        await BrowserPortal.ScreenshotAsync(visitor, "bilingual-01-both-languages.fr-MA");
        await Languages.SwitchAsync(visitor, "ar");
        Assert.Contains("ميرلفت", await visitor.InnerTextAsync("main .meeting-venue"));
        Assert.Contains("المدير الجهوي", await visitor.InnerTextAsync("main header"));
        await BrowserPortal.ScreenshotAsync(visitor, "bilingual-01-both-languages.ar-MA");

        // Staff record a meeting in Arabic only (the paired fields of each form, Arabic right to left).
        var staff = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(staff, "staff@demo.local");
        await staff.GotoAsync("/Meetings/Create");
        await staff.FillAsync("#TitleFr", "Réunion de Guelmim");
        await staff.FillAsync("#TitleAr", "لقاء كلميم");
        await staff.FillAsync("#StartsOn", "2026-11-24");
        await staff.FillAsync("#EndsOn", "2026-11-24");
        await staff.FillAsync("#VenueTextAr", "مقر عمالة كلميم");
        await staff.FillAsync("#ChairNameAr", "المدير الجهوي بالنيابة");
        Assert.Equal("rtl", await staff.GetAttributeAsync("#ChairNameAr", "dir"));
        await staff.SelectOptionAsync("#Status", "Held");
        // This journey builds its own agenda: the follow-up of the previous meeting, offered ticked, is left out.
        if (await staff.Locator("#FollowUpOfPrevious").CountAsync() > 0)
        {
            await staff.UncheckAsync("#FollowUpOfPrevious");
        }

        await SubmitAsync(staff, "main form");
        Assert.Contains("/Meetings/Details/", staff.Url, StringComparison.Ordinal);
        var meetingUrl = staff.Url.Split('#')[0];

        await staff.ClickAsync("#agenda summary");
        await staff.SelectOptionAsync("#agenda-type", "OpeningRemarks");
        await staff.FillAsync("#agenda-speaker-ar", "رئيس المجلس الإقليمي");
        await SubmitAsync(staff, "form[action*='AddAgendaItem']");
        await staff.ClickAsync("#interventions summary");
        await staff.FillAsync("#int-speaker-ar", "السيدة فاطمة بناني");
        await staff.FillAsync("#int-role-ar", "مديرة مركز التكوين المهني");
        await staff.FillAsync("#int-ar", "عرض حاجيات المركز من التجهيزات.");
        await SubmitAsync(staff, "form[action*='AddIntervention']");
        await staff.ClickAsync("#decisions summary");
        await staff.FillAsync("#dec-text-ar", "تجهيز ورشة الكهرباء قبل الدخول التكويني المقبل.");
        await SubmitAsync(staff, "form[action*='AddDecision']");
        Assert.True(await staff.Locator("#add-decision[open]").IsVisibleAsync(), "the decision form folded away after the addition");
        await BrowserPortal.ScreenshotAsync(staff, "bilingual-02-staff-page.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        await staff.GotoAsync(meetingUrl.Replace("/Details/", "/Summary/"));
        await staff.FillAsync("#BodyAr", "## الخلاصة\n\nتدارس المشاركون حاجيات مركز كلميم.");
        await staff.FillAsync("#BodyFr", "## Synthèse\n\nLes participants ont examiné les besoins du centre de Guelmim.");
        await SubmitAsync(staff, "main form");
        await staff.GotoAsync(meetingUrl);
        await Forms.PostAsync(staff, "button[data-action=SendToReview]");
        var regional = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(regional, "regional.director@demo.local");
        await regional.GotoAsync(meetingUrl);
        await Forms.ConfirmAndPostAsync(regional, "button[data-action=Approve]");
        await staff.GotoAsync(meetingUrl);
        await Forms.ConfirmAndPostAsync(staff, "button[data-action=Publish]");
        await Documents.FollowAsync(
            staff,
            () => staff.ClickAsync("a[href^='/archive/']"),
            url => url.Contains("/archive/", StringComparison.Ordinal));
        var publicUrl = staff.Url;

        // The French page: every one of these texts is the Arabic one, marked as Arabic written right to left.
        await visitor.GotoAsync(publicUrl);
        await Languages.SwitchAsync(visitor, "fr");
        foreach (var text in new[] { "مقر عمالة كلميم", "المدير الجهوي بالنيابة", "رئيس المجلس الإقليمي", "السيدة فاطمة بناني", "مديرة مركز التكوين المهني", "تجهيز ورشة الكهرباء" })
        {
            var marked = visitor.Locator("main span[lang=ar][dir=rtl]", new() { HasText = text });
            Assert.Equal(1, await marked.CountAsync());
        }

        Assert.Equal("rtl", await visitor.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main span[lang=ar]')).direction"));
        await BrowserPortal.ScreenshotAsync(visitor, "bilingual-03-arabic-only.fr-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        await Languages.SwitchAsync(visitor, "ar");
        Assert.Equal(0, await visitor.Locator("main span[lang=ar][dir=rtl]").CountAsync());
        Assert.Contains("المدير الجهوي بالنيابة", await visitor.InnerTextAsync("main header"));
        await BrowserPortal.ScreenshotAsync(visitor, "bilingual-03-arabic-only.ar-MA");

        foreach (var page in new[] { staff, regional, visitor })
        {
            await page.Context.CloseAsync();
        }
    }
}
