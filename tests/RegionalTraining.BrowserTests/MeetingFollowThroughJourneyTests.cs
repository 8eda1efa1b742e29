using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// Meetings close the loop, in Arabic: staff create a meeting with the follow-up of the previous one on its agenda,
/// escalate a constraint beyond the directorate's means, and the administrator finds it in the national register.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingFollowThroughJourneyTests(BrowserPortal portal)
{
    private async Task<int> AcknowledgedConstraintAsync(string description)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var establishment = await db.Establishments.Where(e => e.Code == "ISTA-FEB-MIRLEFT").Select(e => e.Id).SingleAsync();
        var item = new Constraint
        {
            EstablishmentId = establishment, Description = description, Category = NeedCategory.Infrastructure, Severity = Severity.Critical, Status = FollowUpStatus.Acknowledged,
        };
        db.Constraints.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    /// <summary>
    /// Adds two directorates (named to sort after DR-SUD, which stays the form's first choice for other journeys): one with a
    /// meeting later than any other, one without meetings.
    /// </summary>
    private async Task<(int WithMeeting, int Empty, string Title)> TwoMoreDirectoratesAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var withMeeting = new Directorate { Code = "DR-T-" + suffix, NameFr = "Direction test " + suffix, NameAr = "مديرية الاختبار " + suffix };
        var empty = new Directorate { Code = "DR-V-" + suffix, NameFr = "Direction vide " + suffix, NameAr = "مديرية بلا اجتماع " + suffix };
        db.Directorates.AddRange(withMeeting, empty);
        await db.SaveChangesAsync();
        var title = "Réunion de la direction test " + suffix;
        db.Meetings.Add(new Meeting
        {
            DirectorateId = withMeeting.Id, TitleFr = title, TitleAr = "اجتماع مديرية الاختبار " + suffix, Slug = "2040-06-01-test-" + suffix,
            StartsOn = new DateOnly(2040, 6, 1), EndsOn = new DateOnly(2040, 6, 1), Status = MeetingStatus.Planned,
        });
        await db.SaveChangesAsync();
        return (withMeeting.Id, empty.Id, title);
    }

    [Fact]
    public async Task AdministratorChoosesTheDirectorate_TheOfferNamesThatDirectoratesPreviousMeeting()
    {
        var (withMeeting, empty, title) = await TwoMoreDirectoratesAsync();
        var admin = await portal.SignedInPageAsync("fr-MA", "admin@demo.local");
        await admin.GotoAsync("/Meetings/Create");
        var help = admin.Locator("#follow-up-help");
        var box = admin.Locator("#follow-up-box");

        // DR-SUD comes first: its line only, never the other directorate's meeting although it is the latest of all.
        await Assertions.Expect(admin.Locator($"#follow-up-help li[data-directorate='{withMeeting}']")).ToBeHiddenAsync();
        Assert.DoesNotContain(title, await help.InnerTextAsync());

        await admin.SelectOptionAsync("#DirectorateId", withMeeting.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(help).ToContainTextAsync(title);
        await Assertions.Expect(box).ToBeVisibleAsync();
        var shown = await help.InnerTextAsync();
        Assert.Contains("Direction test", shown);
        Assert.Contains("2040-06-01", shown);
        Assert.DoesNotContain("provinces du Sud", shown);
        await BrowserPortal.ScreenshotAsync(admin, "meeting-create-follow-up-chosen-directorate.fr-MA");

        await admin.SelectOptionAsync("#DirectorateId", empty.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(box).ToBeHiddenAsync();
        await Assertions.Expect(help).ToContainTextAsync("aucune réunion précédente");
        Assert.DoesNotContain(title, await help.InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(admin);

        var arabic = await portal.SignedInPageAsync("ar-MA", "admin@demo.local");
        await arabic.GotoAsync("/Meetings/Create");
        await arabic.SelectOptionAsync("#DirectorateId", withMeeting.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(arabic.Locator("#follow-up-help")).ToContainTextAsync("مديرية الاختبار");
        await BrowserPortal.ScreenshotAsync(arabic, "meeting-create-follow-up-chosen-directorate.ar-MA");
    }

    [Fact]
    public async Task StaffPutTheFollowUpOnTheAgendaAndEscalate_TheAdministratorSeesItInTheNationalRegister()
    {
        var description = "انهيار سقف الورشات " + Guid.NewGuid().ToString("N")[..4];
        var item = await AcknowledgedConstraintAsync(description);
        var staff = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(staff, "staff@demo.local");

        await staff.GotoAsync("/Meetings/Create");
        Assert.True(await staff.IsCheckedAsync("#FollowUpOfPrevious"), "the follow-up is offered ticked");
        await staff.FillAsync("#TitleFr", "Comité de suivi de décembre");
        await staff.FillAsync("#TitleAr", "لجنة تتبع دجنبر");
        await staff.FillAsync("#StartsOn", "2027-01-12");
        await staff.FillAsync("#EndsOn", "2027-01-12");
        await BrowserPortal.ScreenshotAsync(staff, "meeting-create-follow-up.ar-MA");
        await Forms.PostAsync(staff, "main form button[type=submit]");
        Assert.Contains("/Meetings/Details/", staff.Url, StringComparison.Ordinal);
        await staff.WaitForSelectorAsync("#agenda li.list-group-item:first-child:has-text('تتبع الاجتماع السابق')");
        Assert.Contains("قرارات الاجتماع السابق", await staff.InnerTextAsync("#agenda .agenda-description"));
        await BrowserPortal.ScreenshotAsync(staff, "meeting-follow-up-agenda.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        await staff.GotoAsync($"/Register/Constraint/{item}");
        await staff.FillAsync("#escalate-text", "الكلفة تتجاوز ميزانية المديرية");
        await Forms.PostAsync(staff, "#do-escalate");
        await staff.WaitForSelectorAsync("#item-escalated");
        Assert.Contains("الإدارة العامة للمكتب", await staff.InnerTextAsync("#item-owner"));
        await BrowserPortal.ScreenshotAsync(staff, "register-escalated.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        var admin = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(admin, "admin@demo.local");
        await admin.GotoAsync("/Register?escalated=true");
        await admin.WaitForSelectorAsync($"a[href='/Register/Constraint/{item}']");
        Assert.Contains("السجل الوطني", await admin.InnerTextAsync("h1"));
        await BrowserPortal.ScreenshotAsync(admin, "national-register.ar-MA");
        // Dates and codes keep to one line: broken at a hyphen in a narrow Arabic column, 2026-12-03 read "-2026-12" over "03".
        var lines = await admin.EvaluateAsync<int[]>(
            "() => { const v = [...document.querySelectorAll('main table .ltr-value')].filter(e => e.textContent.trim()); return [v.length, v.filter(e => e.getClientRects().length > 1).length]; }");
        Assert.True(lines[0] > 0, "The register lists no dated item.");
        Assert.Equal(0, lines[1]);
        await Accessibility.AssertNoSeriousViolationsAsync(admin);

        var french = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(french, "admin@demo.local");
        await french.GotoAsync("/Register?escalated=true");
        await french.WaitForSelectorAsync($"a[href='/Register/Constraint/{item}']");
        await BrowserPortal.ScreenshotAsync(french, "national-register.fr-MA");
        await french.GotoAsync($"/Register/Constraint/{item}");
        await BrowserPortal.ScreenshotAsync(french, "register-escalated.fr-MA");
        var frenchStaff = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(frenchStaff, "staff@demo.local");
        await frenchStaff.GotoAsync("/Meetings/Create");
        await frenchStaff.WaitForSelectorAsync("#follow-up-offer");
        await BrowserPortal.ScreenshotAsync(frenchStaff, "meeting-create-follow-up.fr-MA");
    }
}
