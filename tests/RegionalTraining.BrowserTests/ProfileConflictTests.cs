using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.BrowserTests;

/// <summary>
/// Two tabs on the same section: the second save is refused, says so, keeps what was typed and shows under the
/// field the value the first tab saved (earlier years of Dakhla, which no other journey uses).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProfileConflictTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("ar-MA", 2020, "حفظ شخص آخر هذا القسم")]
    [InlineData("fr-MA", 2019, "Quelqu'un d'autre a enregistré cette section")]
    public async Task StaleSave_IsRefusedWithTheTypedValuesAndTheValueNowSaved(string locale, int startYear, string message)
    {
        await Campaigns.EnsureOpenAsync(portal, startYear);
        var first = await portal.NewPageAsync(locale);
        await portal.SignInAsync(first, "director.dakhla@demo.local");
        await first.GotoAsync("/Profiles");
        await Documents.FollowAsync(
            first,
            () => first.Locator("tr", new() { HasText = TrainingYear.FormatLabel(startYear) }).Locator("button[type=submit]").ClickAsync(),
            url => url.EndsWith("/General", StringComparison.Ordinal));
        var second = await portal.NewPageAsync(locale);
        await portal.SignInAsync(second, "director.dakhla@demo.local");
        await second.GotoAsync(first.Url);

        await first.FillAsync("#SiteAreaSquareMetres", "9100");
        await Forms.PostAsync(first, "main form button[type=submit]");
        await second.FillAsync("#SiteAreaSquareMetres", "4321");
        await second.FillAsync("#AddressFr", "Route de Boujdour, Dakhla");
        await Forms.PostAsync(second, "main form button[type=submit]");

        Assert.Contains(message, await second.InnerTextAsync("main .alert-danger"));
        Assert.Equal("4321", await second.InputValueAsync("#SiteAreaSquareMetres"));
        Assert.Equal("Route de Boujdour, Dakhla", await second.InputValueAsync("#AddressFr"));
        Assert.Contains("9100", await second.InnerTextAsync("#SiteAreaSquareMetres-saved"));
        await BrowserPortal.ScreenshotAsync(second, "profile-conflict." + locale);
        await Accessibility.AssertNoSeriousViolationsAsync(second);
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
