using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("ar-MA", "مير اللفت")]
    [InlineData("fr-MA", "Laayoune")]
    public async Task Staff_SearchesASpellingOfTheTown_AndFindsTheFoundingMeeting_WithTheWordMarked(string locale, string query)
    {
        var page = await portal.NewPageAsync(locale);
        await portal.SignInAsync(page, "staff@demo.local");
        await page.GotoAsync("/Search");
        await page.FillAsync("#q", query);
        await page.ClickAsync("main form button[type=submit]");
        await page.Locator(".search-results li").First.WaitForAsync();
        await BrowserPortal.ScreenshotAsync(page, $"search.{locale}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        Assert.Equal(1, await page.Locator(".search-results a[href^='/archive/2023-01-20-']").CountAsync());
        Assert.True(await page.Locator(".search-results mark").CountAsync() > 0);
        await page.Context.CloseAsync();
    }
}
