using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;

namespace RegionalTraining.BrowserTests.Demo;

/// <summary>
/// A newcomer's first start (Development, demo data on): the regional director finds a dashboard with figures, drawn
/// charts and the year before, a campaign with a sheet in every state, and sheets waiting for review.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed partial class DemoJourneyTests(DemoBrowserPortal portal)
{
    /// <summary>True once the chart's canvas has at least one painted pixel.</summary>
    private const string CanvasDrawn = """
        selector => {
            const canvas = document.querySelector(selector);
            if (!canvas || !canvas.width || !canvas.height) return false;
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
            return false;
        }
        """;

    [Fact]
    public async Task RegionalDirector_FindsADashboardACampaignInEveryStateAndAReviewList()
    {
        var page = await portal.SignedInPageAsync("fr-MA", "regional.director@demo.local");

        await page.GotoAsync("/Dashboards");
        await Assertions.Expect(page.Locator("[data-demo-banner]")).ToContainTextAsync("Données de démonstration");
        Assert.True(Digits(await page.InnerTextAsync("[data-figure=Trainees]")) > 0);
        Assert.True(Digits(await page.EvaluateAsync<string>("() => document.querySelector('[data-figure=Trainees]').nextElementSibling.childNodes[0].textContent")) > 0);
        await page.WaitForFunctionAsync(CanvasDrawn, "#provinces canvas");
        await BrowserPortal.ScreenshotAsync(page, "demo-dashboard.fr-MA");

        await page.GotoAsync($"/Campaigns/Details/{await portal.CurrentCampaignAsync()}");
        var total = page.Locator("table.completeness").First.Locator("tfoot tr[data-key=total] td");
        await Assertions.Expect(total).ToHaveCountAsync(7);
        foreach (var cell in await total.AllInnerTextsAsync())
        {
            Assert.True(Digits(cell) > 0, $"A state of the campaign has no sheet: {string.Join(" | ", await total.AllInnerTextsAsync())}");
        }

        await BrowserPortal.ScreenshotAsync(page, "demo-campaign.fr-MA");
        await page.GotoAsync("/Profiles");
        Assert.True(await page.Locator("a[href$='/Review']").CountAsync() > 0);
        await BrowserPortal.ScreenshotAsync(page, "demo-review.fr-MA");
    }

    /// <summary>The number a cell shows, whatever the culture's group separator.</summary>
    private static int Digits(string text)
    {
        var digits = NotADigit().Replace(text.Split('(', '+', '-', '−')[0], string.Empty);
        return digits.Length == 0 ? 0 : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"[^0-9]")]
    private static partial Regex NotADigit();
}
