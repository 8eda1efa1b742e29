using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// The identity sheet from campaign to approval, in Arabic: staff open the campaign; the director fills every
/// section, meets an error and a warning and deals with them, submits; staff return it with a comment; the
/// director corrects and resubmits; the regional director approves and the sheet is locked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProfileJourneyTests(BrowserPortal portal)
{
    private static async Task SaveSectionAsync(IPage page)
    {
        await Forms.PostAsync(page, "main form button[type=submit]");
    }

    [Fact]
    public async Task IdentitySheet_FromCampaignToApproval_InArabic()
    {
        // The portal's own date (Morocco, injected clock), not the test machine's UTC date: they differ around midnight.
        var today = portal.Services.GetRequiredService<LocalCalendar>().Today;

        // Staff open the campaign of the current training year.
        var staff = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(staff, "staff@demo.local");
        await staff.GotoAsync("/Campaigns");
        await staff.SelectOptionAsync("#TrainingYearId", new SelectOptionValue { Label = TrainingYear.FormatLabel(TrainingYear.StartYearFor(today)) });
        await staff.FillAsync("#OpensOn", today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await staff.FillAsync("#Deadline", today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Documents.FollowAsync(
            staff,
            () => staff.ClickAsync("main form button[type=submit]"),
            url => url.Contains("/Campaigns/Details/", StringComparison.Ordinal));
        await BrowserPortal.ScreenshotAsync(staff, "profile-01-campaign.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        // The director starts the sheet and fills the general section in Arabic.
        var director = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(director, "director.mirleft@demo.local");
        await director.GotoAsync("/Profiles");
        await Documents.FollowAsync(
            director,
            () => director.ClickAsync("main form button[type=submit]"),
            url => url.EndsWith("/General", StringComparison.Ordinal));
        var profileUrl = director.Url[..director.Url.LastIndexOf('/')];
        await director.FillAsync("#AddressAr", "الحي الإداري، ميرلفت");
        await director.FillAsync("#OpeningYear", "٢٠١٠");
        await director.FillAsync("#SiteAreaSquareMetres", "8000");
        await director.SelectOptionAsync("#BuildingCondition", "Good");
        await director.SelectOptionAsync("#HasCanteen", "true");
        await SaveSectionAsync(director);
        Assert.Equal(1, await director.Locator(".alert-success[role=status]").CountAsync());
        await BrowserPortal.ScreenshotAsync(director, "profile-02-general.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(director);

        // Human resources with more women than the total: a hard error next to the field.
        await director.GotoAsync(profileUrl + "/HumanResources");
        await director.FillAsync("#PermanentTrainers", "2");
        await director.FillAsync("#PermanentTrainersWomen", "5");
        await director.FillAsync("#AdministrativeStaff", "4");
        await director.FillAsync("#AdministrativeStaffWomen", "2");
        await SaveSectionAsync(director);
        Assert.True(await director.Locator("#PermanentTrainersWomen.is-invalid").IsVisibleAsync());
        Assert.Contains("(2)", await director.InnerTextAsync("#PermanentTrainersWomen-m0"));
        await BrowserPortal.ScreenshotAsync(director, "profile-03-hard-error.ar-MA");
        await director.FillAsync("#PermanentTrainersWomen", "1");
        await SaveSectionAsync(director);
        Assert.Equal(0, await director.Locator(".is-invalid").CountAsync());

        // Material resources, with a key piece of equipment.
        await director.GotoAsync(profileUrl + "/MaterialResources");
        await director.FillAsync("#Classrooms", "10");
        await director.FillAsync("#Workshops", "3");
        await director.FillAsync("#Computers", "40");
        await director.FillAsync("#Equipment_0__Name", "مطبخ بيداغوجي");
        await director.FillAsync("[name='Equipment[0].Quantity']", "1");
        await SaveSectionAsync(director);

        // Programmes: 110 trainees for 2 trainers makes the trainee-per-trainer warning.
        await director.GotoAsync(profileUrl + "/Programmes");
        await director.SelectOptionAsync("#Programmes_0__ProgrammeId", new SelectOptionValue { Index = 1 });
        await director.FillAsync("[name='Programmes[0].Groups']", "4");
        await director.FillAsync("[name='Programmes[0].Capacity']", "120");
        await director.FillAsync("[name='Programmes[0].FirstYearTrainees']", "60");
        await director.FillAsync("[name='Programmes[0].FirstYearWomen']", "25");
        await director.FillAsync("[name='Programmes[0].SecondYearTrainees']", "50");
        await director.FillAsync("[name='Programmes[0].SecondYearWomen']", "20");
        await SaveSectionAsync(director);
        await BrowserPortal.ScreenshotAsync(director, "profile-04-programmes.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(director);

        await director.GotoAsync(profileUrl + "/Needs");
        await director.FillAsync("#Needs_0__Description", "عشرون حاسوبا لقاعة الإعلاميات الثانية");
        await director.FillAsync("[name='Needs[0].Quantity']", "20");
        await director.FillAsync("#Needs_0__EstimatedCostMad", "120000,50");
        await SaveSectionAsync(director);
        await director.GotoAsync(profileUrl + "/Constraints");
        await director.SelectOptionAsync("#Constraints_0__Category", "BoardingAndTransport");
        await director.FillAsync("#Constraints_0__Description", "صعوبة تنقل المتدربين من الدواوير المجاورة");
        await director.FillAsync("#Constraints_0__ProposedSolution", "اتفاقية نقل مع الجماعة الترابية");
        await SaveSectionAsync(director);

        // Submitting is refused until the warning is explained.
        await director.GotoAsync(profileUrl + "/Review");
        await Forms.PostAsync(director, "form[action$='/Submit'] button");
        Assert.Equal(1, await director.Locator("main .alert-danger").CountAsync());
        await BrowserPortal.ScreenshotAsync(director, "profile-05-warning-blocks.ar-MA");
        await director.GotoAsync(profileUrl + "/HumanResources");
        Assert.True(await director.Locator(".text-warning-emphasis").First.IsVisibleAsync());
        await director.FillAsync("#WarningComment", "تعتمد المؤسسة على مكونين من المقاولات الشريكة في انتظار التوظيف");
        await SaveSectionAsync(director);
        await director.GotoAsync(profileUrl + "/Review");
        await Forms.PostAsync(director, "form[action$='/Submit'] button");
        Assert.Equal(1, await director.Locator(".alert-success[role=status]").CountAsync());
        await BrowserPortal.ScreenshotAsync(director, "profile-06-submitted.ar-MA");

        // Staff return it with a comment on the material resources.
        await staff.GotoAsync(profileUrl + "/Review");
        await staff.FillAsync("#comment-MaterialResources", "يرجى تدقيق عدد الحواسيب المشتغلة");
        await BrowserPortal.ScreenshotAsync(staff, "profile-07-return.ar-MA");
        await Documents.FollowAsync(
            staff,
            () => staff.ClickAsync("form[action$='/Return'] button"),
            url => url.EndsWith("/Review", StringComparison.Ordinal));

        // The director sees the comment, corrects and resubmits.
        await director.GotoAsync(profileUrl + "/MaterialResources");
        Assert.Contains("يرجى تدقيق عدد الحواسيب المشتغلة", await director.InnerTextAsync("main"));
        await BrowserPortal.ScreenshotAsync(director, "profile-08-comment.ar-MA");
        await director.FillAsync("#Computers", "36");
        await SaveSectionAsync(director);
        await director.GotoAsync(profileUrl + "/Review");
        await Forms.PostAsync(director, "form[action$='/Submit'] button");

        // The regional director approves; the sheet is locked.
        var regional = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(regional, "regional.director@demo.local");
        await regional.GotoAsync(profileUrl + "/Review");
        Assert.Contains("الورقة التعريفية", await Forms.ConfirmAndPostAsync(regional, "form[action$='/Approve'] button"));
        await BrowserPortal.ScreenshotAsync(regional, "profile-09-approved.ar-MA");
        await director.GotoAsync(profileUrl + "/General");
        Assert.True(await director.Locator("main fieldset[disabled]").IsVisibleAsync());
        Assert.Equal(0, await director.Locator("main form button[type=submit]").CountAsync());

        await director.GotoAsync(profileUrl + "/Print");
        await BrowserPortal.ScreenshotAsync(director, "profile-10-print.ar-MA");
        await director.GotoAsync("/Language/Set?culture=fr-MA&returnUrl=" + Uri.EscapeDataString(new Uri(profileUrl + "/Print").PathAndQuery));
        await BrowserPortal.ScreenshotAsync(director, "profile-10-print.fr-MA");
        // On a phone the printable sheet fits the screen: wide tables scroll inside it.
        await director.SetViewportSizeAsync(375, 800);
        foreach (var lang in new[] { "fr", "ar" })
        {
            await director.GotoAsync("/Language/Set?culture=" + lang + "-MA&returnUrl=" + Uri.EscapeDataString(new Uri(profileUrl + "/Print").PathAndQuery));
            Assert.Equal(0, await director.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"));
            await BrowserPortal.ScreenshotAsync(director, $"profile-10-print.phone.{lang}-MA");
        }

        await director.SetViewportSizeAsync(1280, 900);
        // The history in each language: labels and choices as on the forms, whoever saved (ProfileHistoryText).
        foreach (var lang in new[] { "fr", "ar" })
        {
            await director.GotoAsync("/Language/Set?culture=" + lang + "-MA&returnUrl=" + Uri.EscapeDataString(new Uri(profileUrl + "/History").PathAndQuery));
            await BrowserPortal.ScreenshotAsync(director, $"profile-11-history.{lang}-MA");
            await Accessibility.AssertNoSeriousViolationsAsync(director);
        }

        foreach (var page in new[] { staff, director, regional })
        {
            await page.Context.CloseAsync();
        }
    }
}
