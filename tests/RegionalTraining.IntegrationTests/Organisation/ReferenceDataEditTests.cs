using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Organisation;

[Collection(PortalCollection.Name)]
public sealed class ReferenceDataEditTests(RegionalTrainingFactory factory)
{
    private const string Admin = "admin@demo.local";

    private static Dictionary<string, string> ProvinceFields(string html, string nameFr, int regionId) => new()
    {
        ["RowVersion"] = HttpClientFormExtensions.HiddenValue(html, "RowVersion"),
        ["NameFr"] = nameFr,
        ["NameAr"] = "إقليم تجريبي",
        ["RegionId"] = regionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ProvinceEdit_WithStaleForm_Answers409KeepsTypedValues_AndTheRenewedFormSaves()
    {
        var (id, regionId, originalFr, originalAr) = await factory.WithDbAsync(db => db.Provinces.AsNoTracking().OrderByDescending(p => p.Id)
            .Select(p => new Tuple<int, int, string, string>(p.Id, p.RegionId, p.NameFr, p.NameAr)).FirstAsync());
        var first = await factory.SignedInClientAsync(Admin);
        var second = await factory.SignedInClientAsync(Admin, "fr-MA");
        var url = $"/Provinces/Edit/{id}";
        var firstForm = await first.GetStringAsync(url);
        var secondForm = await second.GetStringAsync(url);

        var saved = await first.PostFormAsync(url, url, ProvinceFields(firstForm, "Premier nom", regionId));
        var refused = await second.PostFormAsync(url, url, ProvinceFields(secondForm, "Second nom tapé", regionId));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var storedAfterRefusal = await factory.WithDbAsync(db => db.Provinces.Where(p => p.Id == id).Select(p => p.NameFr).SingleAsync());
        var again = await second.PostFormAsync(url, url, ProvinceFields(refusedHtml, "Second nom tapé", regionId));
        var storedAtTheEnd = await factory.WithDbAsync(db => db.Provinces.Where(p => p.Id == id).Select(p => p.NameFr).SingleAsync());
        await first.PostFormAsync(url, url, new Dictionary<string, string>(ProvinceFields(await first.GetStringAsync(url), originalFr, regionId)) { ["NameAr"] = originalAr });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Quelqu'un d'autre a enregistré", refusedHtml);
        Assert.Contains("value=\"Second nom tapé\"", refusedHtml);
        Assert.Equal("Premier nom", storedAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Second nom tapé", storedAtTheEnd);
    }

    [Fact]
    public async Task ProgrammeCreate_WithACodeAlreadyUsed_Answers422WithTheMessageUnderTheCode()
    {
        var admin = await factory.SignedInClientAsync(Admin);
        var (code, sectorId) = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().Select(p => new Tuple<string, int>(p.Code, p.SectorId)).FirstAsync());

        var response = await admin.PostFormAsync("/Programmes/Create", "/Programmes/Create", new Dictionary<string, string>
        {
            ["Code"] = code, ["SectorId"] = sectorId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Level"] = "Technician",
            ["NameFr"] = "Programme en double", ["NameAr"] = "برنامج مكرر", ["DurationMonths"] = "24", ["IsActive"] = "true",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("This code is already used by another programme.", html);
        Assert.Contains("value=\"Programme en double\"", html);
    }
}
