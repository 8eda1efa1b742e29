using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DirectoryJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    public async Task Director_OpensHisEstablishmentEditsThePhoneAndSeesItSaved(string locale)
    {
        var page = await portal.NewPageAsync(locale);
        await portal.SignInAsync(page, "director.mirleft@demo.local");
        await page.GotoAsync("/Establishments");

        await page.ClickAsync("table tbody tr a");
        await BrowserPortal.ScreenshotAsync(page, $"establishment-details.{locale}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("main a.btn-primary"),
            url => url.Contains("/Establishments/Edit/", StringComparison.Ordinal));
        await BrowserPortal.ScreenshotAsync(page, $"establishment-edit.{locale}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var phone = locale == "ar-MA" ? "+212 528 10 20 30" : "+212 528 40 50 60";
        await page.FillAsync("#Phone", phone);
        await page.FillAsync("#Latitude", "29,58");
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("main form button[type=submit]"),
            url => url.Contains("/Establishments/Details/", StringComparison.Ordinal));

        Assert.Contains(phone, await page.InnerTextAsync("main"));
        Assert.Equal(1, await page.Locator("[role=status]").CountAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar-MA", "القيمة المحفوظة حاليًا")]
    [InlineData("fr-MA", "Valeur actuellement enregistrée")]
    public async Task Staff_SavingAStaleForm_KeepsWhatHeTyped_AndSeesTheSavedValueUnderThePhone(string locale, string savedNow)
    {
        var staff = await portal.NewPageAsync(locale);
        var admin = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(staff, "staff@demo.local");
        await portal.SignInAsync(admin, "admin@demo.local");
        await staff.GotoAsync("/Establishments?q=Sidi");
        await staff.ClickAsync("table tbody tr a");
        var edit = staff.Url.Replace("/Details/", "/Edit/", StringComparison.Ordinal);
        await staff.GotoAsync(edit);
        await admin.GotoAsync(edit);
        var theirs = locale == "ar-MA" ? "+212 528 11 11 11" : "+212 528 22 22 22";
        await admin.FillAsync("#Phone", theirs);
        await Documents.FollowAsync(
            admin,
            () => admin.ClickAsync("main form button[type=submit]"),
            url => url.Contains("/Establishments/Details/", StringComparison.Ordinal));

        await staff.FillAsync("#Phone", "+212 528 33 33 33");
        var response = await staff.RunAndWaitForResponseAsync(() => staff.ClickAsync("main form button[type=submit]"), r => r.Request.Method == "POST");
        await staff.Locator(".validation-summary-errors, [role=alert]").First.WaitForAsync();
        await BrowserPortal.ScreenshotAsync(staff, $"establishment-conflict.{locale}");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);

        Assert.Equal(409, response.Status);
        Assert.Equal("+212 528 33 33 33", await staff.InputValueAsync("#Phone"));
        Assert.Contains(savedNow, await staff.InnerTextAsync("main"));
        Assert.Contains(theirs, await staff.InnerTextAsync("main"));
        await staff.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Director_ChangingTheIdInTheAddress_GetsTheLocalizedForbiddenPage()
    {
        var page = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(page, "director.mirleft@demo.local");
        await page.GotoAsync("/Establishments");
        await page.ClickAsync("table tbody tr a");
        var ownId = int.Parse(page.Url.Split('/').Last());

        IResponse? response = null;
        for (var id = 1; id < ownId + 25 && response is null; id++)
        {
            if (id == ownId)
            {
                continue;
            }

            var attempt = await page.GotoAsync($"/Establishments/Edit/{id}");
            if (attempt!.Status == 403)
            {
                response = attempt;
            }
        }

        Assert.NotNull(response);
        Assert.Equal("fr-MA", await page.GetAttributeAsync("html", "lang"));
        Assert.DoesNotContain("Exception", await page.ContentAsync());
        await BrowserPortal.ScreenshotAsync(page, "forbidden.fr-MA");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/Programmes")]
    [InlineData("/Provinces")]
    [InlineData("/Users")]
    [InlineData("/Users/Create")]
    public async Task Administrator_Pages_PassAxeInArabicAndFrench(string path)
    {
        var page = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(page, "admin@demo.local");
        var name = path.Trim('/').Replace('/', '-').ToLowerInvariant();

        foreach (var (locale, lang) in new[] { ("ar-MA", "ar"), ("fr-MA", "fr") })
        {
            await page.GotoAsync(path);
            if (await page.GetAttributeAsync("html", "lang") != locale)
            {
                await Languages.SwitchAsync(page, lang);
            }

            Assert.Equal(locale, await page.GetAttributeAsync("html", "lang"));
            await BrowserPortal.ScreenshotAsync(page, $"{name}.{locale}");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }
}
