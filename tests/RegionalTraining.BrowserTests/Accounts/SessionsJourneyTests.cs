using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class SessionsJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("ar-MA", "تسجيل الخروج من كل مكان آخر")]
    [InlineData("fr-MA", "Se déconnecter partout ailleurs")]
    public async Task SessionsPage_ListsTheOtherBrowserAndSignsItOut(string locale, string signOutElsewhere)
    {
        var here = await portal.NewPageAsync(locale);
        var elsewhere = await portal.NewPageAsync(locale);
        await portal.SignInAsync(elsewhere, "director.dakhla@demo.local");
        await portal.SignInAsync(here, "director.dakhla@demo.local");

        // At 1280 px the whole main menu shows (from 1200 px on); the account menu opens from the user's name.
        await here.ClickAsync("button.user-name");
        await Documents.FollowAsync(
            here,
            () => here.ClickAsync("a[href='/Sessions']"),
            url => url.EndsWith("/Sessions", StringComparison.Ordinal));
        var rows = await here.Locator("tbody tr").CountAsync();
        await BrowserPortal.ScreenshotAsync(here, $"sessions.{locale}");
        await Accessibility.AssertNoSeriousViolationsAsync(here);
        await here.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = signOutElsewhere }).ClickAsync();
        await here.Locator(".alert").WaitForAsync();
        await elsewhere.GotoAsync("/Establishments");

        Assert.True(rows >= 2, $"{rows} sessions listed");
        Assert.Equal(1, await here.Locator("tbody tr").CountAsync());
        Assert.Contains("/Account/Login", elsewhere.Url, StringComparison.Ordinal);
        await here.Context.CloseAsync();
        await elsewhere.Context.CloseAsync();
    }
}
