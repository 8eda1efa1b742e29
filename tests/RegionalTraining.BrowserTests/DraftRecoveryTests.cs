using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DraftRecoveryTests(BrowserPortal portal)
{
    [Fact]
    public async Task SessionLostBeforeSaving_TypedValuesComeBackAfterSigningInAgain()
    {
        await Campaigns.EnsureOpenAsync(portal, 2025);
        var page = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(page, "director.dakhla@demo.local");
        await page.GotoAsync("/Profiles");
        await Documents.FollowAsync(
            page,
            () => page.Locator("tr", new() { HasText = TrainingYear.FormatLabel(2025) }).Locator("button[type=submit]").ClickAsync(),
            url => url.EndsWith("/General", StringComparison.Ordinal));
        var sectionUrl = page.Url;

        await page.FillAsync("#AddressFr", "Route de Boujdour, Dakhla — saisi avant expiration");
        await page.FillAsync("#SiteAreaSquareMetres", "12345");
        // The draft is written 300 ms after the last keystroke: wait until this browser holds it, not for a fixed time.
        await page.WaitForFunctionAsync(
            "typed => Object.keys(localStorage).some(k => k.startsWith('rt-draft:') && localStorage.getItem(k).includes(typed))", "12345");
        await page.Context.ClearCookiesAsync(); // the session expires while the director types
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("main form button[type=submit]"),
            url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.FillAsync("#Email", "director.dakhla@demo.local");
        await page.FillAsync("#Password", BrowserPortal.Password);
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("form[action^='/Account/Login'] button[type=submit]"),
            url => url.StartsWith(sectionUrl, StringComparison.Ordinal));

        Assert.True(await page.Locator("#draft-restored").IsVisibleAsync());
        Assert.Equal("Route de Boujdour, Dakhla — saisi avant expiration", await page.InputValueAsync("#AddressFr"));
        Assert.Equal("12345", await page.InputValueAsync("#SiteAreaSquareMetres"));
        await BrowserPortal.ScreenshotAsync(page, "profile-draft-restored.fr-MA");

        await Forms.PostAsync(page, "main form button[type=submit]");
        Assert.False(await page.Locator("#draft-restored").IsVisibleAsync());
        Assert.Equal("12345", await page.InputValueAsync("#SiteAreaSquareMetres"));
        await page.Context.CloseAsync();
    }
}
