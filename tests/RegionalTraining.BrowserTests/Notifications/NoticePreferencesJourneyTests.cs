using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests.Notifications;

[Collection(BrowserCollection.Name)]
public sealed class NoticePreferencesJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("ar-MA", "في ملخص يومي", "تم حفظ تفضيلات الإشعارات الخاصة بك.")]
    [InlineData("fr-MA", "Dans un récapitulatif quotidien", "Vos préférences de notification ont été enregistrées.")]
    public async Task Staff_ChoosesTheDailyDigestFromTheAccountMenu_AndTheChoiceIsKept(string locale, string dailyDigest, string saved)
    {
        var page = await portal.NewPageAsync(locale);
        await portal.SignInAsync(page, "staff@demo.local");

        await page.ClickAsync("button.user-name");
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("a[href='/Notifications/Preferences']"),
            url => url.EndsWith("/Notifications/Preferences", StringComparison.Ordinal));
        await page.GetByLabel(dailyDigest).First.CheckAsync();
        await BrowserPortal.ScreenshotAsync(page, $"notice-preferences.{locale}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ClickAsync("form[action='/Notifications/Preferences'] button[type=submit]");
        await page.Locator(".alert").Filter(new() { HasText = saved }).WaitForAsync();
        await BrowserPortal.ScreenshotAsync(page, $"notice-preferences-saved.{locale}");

        Assert.True(await page.GetByLabel(dailyDigest).First.IsCheckedAsync());
        // Put back the default, so the other journeys' staff notices are e-mailed at once as before.
        await page.Locator("input[type=radio][value=Immediately]").First.CheckAsync();
        await page.ClickAsync("form[action='/Notifications/Preferences'] button[type=submit]");
        await page.Locator(".alert").Filter(new() { HasText = saved }).WaitForAsync();
        await page.Context.CloseAsync();
    }
}
