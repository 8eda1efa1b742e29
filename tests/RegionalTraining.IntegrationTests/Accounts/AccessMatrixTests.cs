using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>
/// Every controller action that takes an id, tried by every role against a resource inside and outside its
/// perimeter. Ids come from the database, as an attacker changing the URL would guess them.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccessMatrixTests(RegionalTrainingFactory factory)
{
    private const string Admin = "admin@demo.local";
    private const string RegionalDirector = "regional.director@demo.local";
    private const string Staff = "staff@demo.local";
    private const string MirleftDirector = "director.mirleft@demo.local";
    private const string DakhlaDirector = "director.dakhla@demo.local";

    public static TheoryData<string, string, string, HttpStatusCode> EstablishmentGets => new()
    {
        // who, which establishment, action, expected
        { MirleftDirector, "ISTA-FEB-MIRLEFT", "Details", HttpStatusCode.OK },
        { MirleftDirector, "ISTA-FEB-MIRLEFT", "Edit", HttpStatusCode.OK },
        { MirleftDirector, "ISTA-DAKHLA", "Details", HttpStatusCode.Forbidden },
        { MirleftDirector, "ISTA-DAKHLA", "Edit", HttpStatusCode.Forbidden },
        { MirleftDirector, "ISTA-OTHER", "Edit", HttpStatusCode.Forbidden },
        { DakhlaDirector, "ISTA-FEB-MIRLEFT", "Edit", HttpStatusCode.Forbidden },
        { Staff, "ISTA-DAKHLA", "Edit", HttpStatusCode.OK },
        { Staff, "ISTA-OTHER", "Details", HttpStatusCode.Forbidden },
        { Staff, "ISTA-OTHER", "Edit", HttpStatusCode.Forbidden },
        { RegionalDirector, "ISTA-SIDI-IFNI", "Details", HttpStatusCode.OK },
        { RegionalDirector, "ISTA-OTHER", "Details", HttpStatusCode.Forbidden },
        { RegionalTrainingFactory.OtherStaffEmail, "ISTA-FEB-MIRLEFT", "Details", HttpStatusCode.Forbidden },
        { RegionalTrainingFactory.OtherStaffEmail, "ISTA-OTHER", "Edit", HttpStatusCode.OK },
        { Admin, "ISTA-OTHER", "Edit", HttpStatusCode.OK },
        { Admin, "ISTA-DAKHLA", "Details", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(EstablishmentGets))]
    public async Task EstablishmentPage_ByRoleAndPerimeter_IsAllowedOrForbidden(string email, string code, string action, HttpStatusCode expected)
    {
        await factory.EnsureOtherDirectorateAsync();
        var id = await factory.EstablishmentIdAsync(code);
        var client = await factory.SignedInClientAsync(email);

        var response = await client.GetAsync($"/Establishments/{action}/{id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task EstablishmentEditPost_ForAnotherEstablishment_IsForbiddenAndChangesNothing()
    {
        var dakhla = await factory.EstablishmentIdAsync("ISTA-DAKHLA");
        var mirleft = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var client = await factory.SignedInClientAsync(MirleftDirector);
        var phoneBefore = await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == dakhla).Select(e => e.Phone).SingleAsync());

        // The token comes from the director's own form: a forged post reuses it with the other establishment's id.
        var response = await client.PostFormAsync($"/Establishments/Edit/{mirleft}", $"/Establishments/Edit/{dakhla}", new Dictionary<string, string>
        {
            ["Phone"] = "+212 500 00 00 00",
            ["RowVersion"] = "",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(phoneBefore, await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == dakhla).Select(e => e.Phone).SingleAsync()));
    }

    [Fact]
    public async Task DirectorList_ShowsOnlyHisEstablishments()
    {
        var client = await factory.SignedInClientAsync(MirleftDirector);

        var html = await client.GetStringAsync("/Establishments");

        Assert.Contains("ISTA Fadma El Bouhali", html);
        Assert.DoesNotContain("ISTA Dakhla", html);
        Assert.Contains(">1 results<", html.Replace("\n", string.Empty));
    }

    [Fact]
    public async Task StaffList_ShowsOwnDirectorateOnly()
    {
        await factory.EnsureOtherDirectorateAsync();
        var client = await factory.SignedInClientAsync(Staff);

        var html = await client.GetStringAsync("/Establishments?q=ista");

        Assert.Contains("ISTA Dakhla", html);
        Assert.DoesNotContain("ISTA test", html);
    }

    public static TheoryData<string, string> AdministratorOnlyPages => new()
    {
        { RegionalDirector, "/Provinces/Edit/{province}" },
        { Staff, "/Provinces/Edit/{province}" },
        { MirleftDirector, "/Provinces/Edit/{province}" },
        { Staff, "/Programmes/Edit/{programme}" },
        { MirleftDirector, "/Programmes/Edit/{programme}" },
        { RegionalDirector, "/Users/Edit/{user}" },
        { MirleftDirector, "/Users/Edit/{user}" },
        { Staff, "/Users" },
        { MirleftDirector, "/Establishments/Create" },
        { Staff, "/Programmes/Create" },
    };

    [Theory]
    [MemberData(nameof(AdministratorOnlyPages))]
    public async Task AdministratorPage_ForOtherRoles_IsForbidden(string email, string template)
    {
        var url = await ResolveAsync(template);
        var client = await factory.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/Provinces/Edit/{province}")]
    [InlineData("/Programmes/Edit/{programme}")]
    [InlineData("/Users/Edit/{user}")]
    public async Task AdministratorPage_ForAdministrator_Opens(string template)
    {
        var client = await factory.SignedInClientAsync(Admin);

        var response = await client.GetAsync(await ResolveAsync(template));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DisablePost_ByNonAdministrator_IsForbiddenAndAccountStaysEnabled()
    {
        var client = await factory.SignedInClientAsync(Staff);
        var mirleft = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DakhlaDirector).Select(u => u.Id).SingleAsync());

        var response = await client.PostFormAsync($"/Establishments/Edit/{mirleft}", $"/Users/SetDisabled/{userId}", new Dictionary<string, string> { ["disabled"] = "true" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task EstablishmentPage_WithUnknownId_Returns404()
    {
        var client = await factory.SignedInClientAsync(Admin);

        var response = await client.GetAsync("/Establishments/Details/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> ResolveAsync(string template)
    {
        var province = await factory.WithDbAsync(db => db.Provinces.Select(p => p.Id).FirstAsync());
        var programme = await factory.WithDbAsync(db => db.Programmes.Select(p => p.Id).FirstAsync());
        var user = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DakhlaDirector).Select(u => u.Id).SingleAsync());
        return template.Replace("{province}", province.ToString()).Replace("{programme}", programme.ToString()).Replace("{user}", user);
    }
}
