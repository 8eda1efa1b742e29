using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DraftRecoveryTests(BrowserPortal portal)
{
    /// <summary>A campaign of an earlier year, so this test never meets the journey test's sheet.</summary>
    private async Task EnsureCampaignAsync(int startYear)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<LocalCalendar>().Today;
        var directorate = await db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync();
        var year = await db.TrainingYears.Where(y => y.StartYear == startYear).Select(y => y.Id).SingleAsync();
        if (!await db.Campaigns.AnyAsync(c => c.DirectorateId == directorate && c.TrainingYearId == year))
        {
            db.Campaigns.Add(new CollectionCampaign { DirectorateId = directorate, TrainingYearId = year, OpensOn = today.AddDays(-30), Deadline = today.AddDays(30) });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task SessionLostBeforeSaving_TypedValuesComeBackAfterSigningInAgain()
    {
        await EnsureCampaignAsync(2025);
        var page = await portal.NewPageAsync("fr-MA");
        await portal.SignInAsync(page, "director.dakhla@demo.local");
        await page.GotoAsync("/Profiles");
        await page.Locator("tr", new() { HasText = TrainingYear.FormatLabel(2025) }).Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/General", StringComparison.Ordinal));
        var sectionUrl = page.Url;

        await page.FillAsync("#AddressFr", "Route de Boujdour, Dakhla — saisi avant expiration");
        await page.FillAsync("#SiteAreaSquareMetres", "12345");
        // The draft is written 300 ms after the last keystroke: wait until this browser holds it, not for a fixed time.
        await page.WaitForFunctionAsync(
            "typed => Object.keys(localStorage).some(k => k.startsWith('rt-draft:') && localStorage.getItem(k).includes(typed))", "12345");
        await page.Context.ClearCookiesAsync(); // the session expires while the director types
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.FillAsync("#Email", "director.dakhla@demo.local");
        await page.FillAsync("#Password", BrowserPortal.Password);
        await page.ClickAsync("form[action^='/Account/Login'] button[type=submit]");
        await page.WaitForURLAsync(url => url.StartsWith(sectionUrl, StringComparison.Ordinal));

        Assert.True(await page.Locator("#draft-restored").IsVisibleAsync());
        Assert.Equal("Route de Boujdour, Dakhla — saisi avant expiration", await page.InputValueAsync("#AddressFr"));
        Assert.Equal("12345", await page.InputValueAsync("#SiteAreaSquareMetres"));
        await BrowserPortal.ScreenshotAsync(page, "profile-draft-restored.fr-MA");

        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.False(await page.Locator("#draft-restored").IsVisibleAsync());
        Assert.Equal("12345", await page.InputValueAsync("#SiteAreaSquareMetres"));
        await page.Context.CloseAsync();
    }
}
