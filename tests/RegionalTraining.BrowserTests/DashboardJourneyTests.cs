using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegionalTraining.BrowserTests.Infrastructure;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.BrowserTests;

/// <summary>The regional director reads the dashboard in Arabic and French, filters it, drills down and downloads.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserPortal portal)
{
    private const int Year = 2022;

    /// <summary>Approved 2022 and 2021 sheets for three establishments; returns the 2022 trainees of Guelmim province.</summary>
    private async Task<int> SeedAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var programme = await db.Programmes.Select(p => p.Id).FirstAsync();
        foreach (var (code, trainees) in new[] { ("ISTA-GUELMIM", 120), ("ITA-GUELMIM", 60), ("ISTA-LAAYOUNE", 200) })
        {
            var establishment = await db.Establishments.Where(e => e.Code == code).Select(e => e.Id).SingleAsync();
            foreach (var year in new[] { Year - 1, Year })
            {
                var yearId = await db.TrainingYears.Where(y => y.StartYear == year).Select(y => y.Id).SingleAsync();
                if (!await db.Profiles.AnyAsync(p => p.EstablishmentId == establishment && p.TrainingYearId == yearId))
                {
                    db.Profiles.Add(new EstablishmentProfile
                    {
                        EstablishmentId = establishment, TrainingYearId = yearId, Status = ProfileStatus.Approved, PermanentTrainers = 8, BoardingPlaces = 40,
                        Programmes = [new ProfileProgramme { ProgrammeId = programme, Groups = 4, Capacity = 250, FirstYearTrainees = year == Year ? trainees : trainees / 2, FirstYearWomen = 30 }],
                    });
                }
            }
        }

        await db.SaveChangesAsync();
        // The expected figure, counted here from the stored sheets, independently of the dashboard's queries.
        return await db.ProfileProgrammes
            .Where(r => db.Profiles.Any(p => p.Id == r.ProfileId && p.Status == ProfileStatus.Approved && p.TrainingYear!.StartYear == Year && p.Establishment!.Province!.Code == "GUE"))
            .SumAsync(r => r.FirstYearTrainees + r.SecondYearTrainees);
    }

    [Fact]
    public async Task RegionalDirector_FiltersDrillsDownAndDownloadsTheSameFigures()
    {
        var expected = await SeedAsync();
        var page = await portal.NewPageAsync("ar-MA");
        await portal.SignInAsync(page, "regional.director@demo.local");

        await page.GotoAsync("/Dashboards");
        await page.SelectOptionAsync("#year", Year.ToString());
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("form.filters button[type=submit]"),
            url => url.Contains($"year={Year}", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#provinces canvas");
        await BrowserPortal.ScreenshotAsync(page, "dashboard.ar-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await Languages.SwitchAsync(page, "fr");
        Assert.Equal("fr-MA", await page.GetAttributeAsync("html", "lang"));
        await page.SelectOptionAsync("#province", new SelectOptionValue { Label = "Guelmim" });
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("form.filters button[type=submit]"),
            url => url.Contains("province=", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#provinces canvas");
        await BrowserPortal.ScreenshotAsync(page, "dashboard.fr-MA");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Shown grouped by narrow spaces for reading (152 340); the invariant figure rides along for machines.
        var onScreen = (await page.InnerTextAsync("[data-figure=Trainees]")).Replace("\u202F", "", StringComparison.Ordinal);
        Assert.Equal(expected, int.Parse(onScreen, CultureInfo.InvariantCulture));
        Assert.Equal(expected, int.Parse((await page.GetAttributeAsync("[data-figure=Trainees]", "data-value"))!, CultureInfo.InvariantCulture));

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#provinces [data-export=csv]"));
        var csv = await File.ReadAllTextAsync((await csvDownload.PathAsync())!, Encoding.UTF8);
        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#provinces [data-export=xlsx]"));
        var xlsx = await File.ReadAllBytesAsync((await xlsxDownload.PathAsync())!);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains($"Guelmim,2,{expected},", csv);
        // Cell values by the element's local name: the writer may qualify it with a prefix (<x:v>).
        var cellValues = System.Xml.Linq.XDocument.Parse(sheet).Descendants().Where(e => e.Name.LocalName == "v").Select(e => e.Value);
        Assert.Contains(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), cellValues);

        // Drill down: from the province to its establishments, to one of them, and to its identity sheet of the year.
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("#provinces tbody th a"),
            url => url.Contains("/Establishments", StringComparison.Ordinal));
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync("main table a:text('ISTA Guelmim')"),
            url => url.Contains("/Establishments/Details/", StringComparison.Ordinal));
        await Documents.FollowAsync(
            page,
            () => page.ClickAsync($"main a[href^='/Profiles/']:has-text('{Year}/{Year + 1}')"),
            url => url.Contains("/Review", StringComparison.Ordinal));
        Assert.Contains("120", await page.InnerTextAsync("main"));
        await page.Context.CloseAsync();
    }
}
