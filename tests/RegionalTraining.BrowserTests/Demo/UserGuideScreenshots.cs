using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests.Demo;

/// <summary>
/// The user guide's pictures (docs/images/guide), taken on the demo data at 1280×800 in Arabic and French. Not part
/// of the normal run (the trait): `./tools/screenshots.sh` runs exactly these, and DocsTests checks the images exist.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
[Trait("Category", "UserGuide")]
public sealed class UserGuideScreenshots(DemoBrowserPortal portal)
{
    private static readonly string Folder = Path.Combine(BrowserPortal.RepositoryRoot(), "docs", "images", "guide");

    [Theory]
    [InlineData("ar-MA", "ar")]
    [InlineData("fr-MA", "fr")]
    public async Task RegionalDirector_DashboardAndReview(string locale, string suffix)
    {
        var page = await portal.SignedInPageAsync(locale, "regional.director@demo.local", height: 800);
        await page.GotoAsync("/Dashboards");
        await page.WaitForSelectorAsync("#provinces canvas");
        await ShootAsync(page, $"dashboard.{suffix}");
        await page.GotoAsync("/Profiles");
        await ShootAsync(page, $"review.{suffix}");
    }

    [Theory]
    [InlineData("ar-MA", "ar")]
    [InlineData("fr-MA", "fr")]
    public async Task Staff_CampaignAndMeetings(string locale, string suffix)
    {
        var page = await portal.SignedInPageAsync(locale, "staff@demo.local", height: 800);
        await page.GotoAsync($"/Campaigns/Details/{await portal.CurrentCampaignAsync()}");
        await ShootAsync(page, $"campaign.{suffix}");
        await page.GotoAsync("/Meetings");
        await ShootAsync(page, $"meetings.{suffix}");
    }

    [Theory]
    [InlineData("ar-MA", "ar")]
    [InlineData("fr-MA", "fr")]
    public async Task Director_HisSheet(string locale, string suffix)
    {
        var page = await portal.SignedInPageAsync(locale, "director.mirleft@demo.local", height: 800);
        var sheet = await portal.CurrentAsync((db, start) => db.Profiles.Where(p => p.Establishment!.Code == "ISTA-FEB-MIRLEFT" && p.TrainingYear!.StartYear == start).Select(p => p.Id));
        await page.GotoAsync($"/Profiles/{sheet}/Programmes");
        await ShootAsync(page, $"sheet.{suffix}");
    }

    [Theory]
    [InlineData("ar-MA", "ar")]
    [InlineData("fr-MA", "fr")]
    public async Task Administrator_Users(string locale, string suffix)
    {
        var page = await portal.SignedInPageAsync(locale, "admin@demo.local", height: 800);
        await page.GotoAsync("/Users");
        await ShootAsync(page, $"users.{suffix}");
    }

    /// <summary>The visible 1280×800 only (not the full page): the guide shows where to look, and stays small.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = false, Animations = ScreenshotAnimations.Disabled });
    }
}
