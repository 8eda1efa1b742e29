using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Organisation;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Organisation;

[Collection(PortalCollection.Name)]
public sealed class EstablishmentEditTests(RegionalTrainingFactory factory)
{
    private const string Director = "director.mirleft@demo.local";

    private static Dictionary<string, string> Contacts(string html, string phone) => new()
    {
        ["RowVersion"] = HttpClientFormExtensions.HiddenValue(html, "RowVersion"),
        ["TownFr"] = "Mirleft",
        ["TownAr"] = "ميرلفت",
        ["AddressFr"] = "Quartier administratif, Mirleft",
        ["AddressAr"] = "الحي الإداري، ميرلفت",
        ["Phone"] = phone,
        ["Email"] = "ista.mirleft@example.ofppt.ma",
        ["Latitude"] = "29,5833",
        ["Longitude"] = "-10.0333",
        ["OpeningYear"] = "2010",
    };

    [Fact]
    public async Task Edit_ByDirector_SavesContactsAndStampsAudit()
    {
        var id = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var client = await factory.SignedInClientAsync(Director);
        var directorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Director).Select(u => u.Id).SingleAsync());
        var before = await factory.WithDbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Id == id));
        var form = await client.GetStringAsync($"/Establishments/Edit/{id}");

        var response = await client.PostFormAsync($"/Establishments/Edit/{id}", $"/Establishments/Edit/{id}", Contacts(form, "+212 528 11 22 33"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await factory.WithDbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal("+212 528 11 22 33", after.Phone);
        Assert.Equal(29.5833m, after.Latitude);
        Assert.Equal(directorId, after.UpdatedBy);
        Assert.True(after.UpdatedAtUtc > before.UpdatedAtUtc);
        Assert.Equal(before.CreatedAtUtc, after.CreatedAtUtc);
        Assert.Equal(before.CreatedBy, after.CreatedBy);
        Assert.NotEqual(before.RowVersion, after.RowVersion);
    }

    [Fact]
    public async Task Edit_ByDirectorWithForgedStructure_KeepsProvinceTypeAndNames()
    {
        var id = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var otherProvince = await factory.WithDbAsync(db => db.Provinces.Where(p => p.Code == "OED").Select(p => p.Id).SingleAsync());
        var client = await factory.SignedInClientAsync(Director);
        var form = await client.GetStringAsync($"/Establishments/Edit/{id}");
        var fields = Contacts(form, "+212 528 44 55 66");
        fields["ProvinceId"] = otherProvince.ToString();
        fields["Type"] = "CFP";
        fields["Code"] = "HACKED";
        fields["NameFr"] = "Renamed";

        var response = await client.PostFormAsync($"/Establishments/Edit/{id}", $"/Establishments/Edit/{id}", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await factory.WithDbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal("ISTA-FEB-MIRLEFT", after.Code);
        Assert.Equal(EstablishmentType.ISTA, after.Type);
        Assert.NotEqual(otherProvince, after.ProvinceId);
        Assert.NotEqual("Renamed", after.NameFr);
        Assert.Equal("+212 528 44 55 66", after.Phone);
    }

    [Fact]
    public async Task Edit_WithStaleForm_IsRefusedKeepsTypedValuesAndEarlierSave()
    {
        var id = await factory.EstablishmentIdAsync("ISTA-SIDI-IFNI");
        var staff = await factory.SignedInClientAsync("staff@demo.local");
        var admin = await factory.SignedInClientAsync("admin@demo.local");
        var staffForm = await staff.GetStringAsync($"/Establishments/Edit/{id}");
        var adminForm = await admin.GetStringAsync($"/Establishments/Edit/{id}");
        var adminFields = Contacts(adminForm, "+212 528 01 01 01");
        var stored = await factory.WithDbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Id == id));
        adminFields["Code"] = stored.Code;
        adminFields["Type"] = stored.Type.ToString();
        adminFields["ProvinceId"] = stored.ProvinceId.ToString();
        adminFields["ComplexId"] = stored.ComplexId?.ToString() ?? string.Empty;
        adminFields["NameFr"] = stored.NameFr;
        adminFields["NameAr"] = stored.NameAr;
        adminFields["IsActive"] = "true";
        var first = await admin.PostFormAsync($"/Establishments/Edit/{id}", $"/Establishments/Edit/{id}", adminFields);
        var second = await staff.PostFormAsync($"/Establishments/Edit/{id}", $"/Establishments/Edit/{id}", Contacts(staffForm, "+212 528 02 02 02"));
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone else saved this establishment after you opened it", html);
        Assert.Contains("value=\"+212 528 02 02 02\"", html);
        Assert.Contains("+212 528 01 01 01", html);
        Assert.Equal("+212 528 01 01 01", await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == id).Select(e => e.Phone).SingleAsync()));

        // The refused form carries the token now stored: saving it again is a deliberate choice, and it is accepted.
        var third = await staff.PostFormAsync($"/Establishments/Edit/{id}", $"/Establishments/Edit/{id}", Contacts(html, "+212 528 02 02 02"));
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal("+212 528 02 02 02", await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == id).Select(e => e.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Edit_WithInvalidNumberInFrench_ShowsFrenchErrorAndKeepsInput()
    {
        var id = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var client = await factory.SignedInClientAsync(Director, "fr-MA");
        var form = await client.GetStringAsync($"/Establishments/Edit/{id}");
        var fields = Contacts(form, "+212 528 99 99 99");
        fields["Latitude"] = "vingt-neuf";
        fields["AddressFr"] = "Adresse tapée à garder";

        var response = await client.PostFormAsync($"/Establishments/Edit/{id}", $"/Establishments/Edit/{id}", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("vingt-neuf", html);
        Assert.Contains("Adresse tapée à garder", html);
        Assert.Contains("pas un nombre", html);
        Assert.NotEqual("+212 528 99 99 99", await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == id).Select(e => e.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Search_ByArabicNameWithoutHamza_FindsEstablishment()
    {
        var client = await factory.SignedInClientAsync("admin@demo.local");

        var html = await client.GetStringAsync("/Establishments?q=" + Uri.EscapeDataString("ميرلفت"));

        Assert.Contains("ISTA Fadma El Bouhali", html);
        Assert.DoesNotContain("ISTA Dakhla", html);
    }

    [Fact]
    public async Task Search_ByFrenchNameWithoutAccent_FindsEstablishment()
    {
        var client = await factory.SignedInClientAsync("admin@demo.local");

        var html = await client.GetStringAsync("/Establishments?q=laayoune");

        Assert.Contains("Laâyoune", html);
    }
}
