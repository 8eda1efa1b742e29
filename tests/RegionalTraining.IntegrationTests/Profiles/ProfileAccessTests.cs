using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

[Collection(PortalCollection.Name)]
public sealed class ProfileAccessTests(RegionalTrainingFactory factory)
{
    private const int Year = 2025;

    private async Task<int> DakhlaProfileAsync()
    {
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", Year);
        var dakhla = await factory.SignedInClientAsync("director.dakhla@demo.local");
        return await ProfileFixtures.StartAsync(factory, dakhla, "ISTA-DAKHLA", Year);
    }

    [Theory]
    [InlineData("General")]
    [InlineData("HumanResources")]
    [InlineData("Programmes")]
    [InlineData("Needs")]
    [InlineData("Review")]
    [InlineData("History")]
    [InlineData("Print")]
    public async Task OtherDirector_ByUrl_IsForbidden(string page)
    {
        var id = await DakhlaProfileAsync();
        var mirleft = await factory.SignedInClientAsync("director.mirleft@demo.local");

        var response = await mirleft.GetAsync($"/Profiles/{id}/{page}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OtherDirector_WithForgedForm_ChangesNothing()
    {
        var id = await DakhlaProfileAsync();
        var dakhla = await factory.SignedInClientAsync("director.dakhla@demo.local");
        var version = HttpClientFormExtensions.HiddenValue(await dakhla.GetStringAsync($"/Profiles/{id}/General"), "Version");
        var mirleft = await factory.SignedInClientAsync("director.mirleft@demo.local");

        var response = await mirleft.PostFormAsync("/Profiles", $"/Profiles/{id}/General", new Dictionary<string, string>
        {
            ["Version"] = version,
            ["OpeningYear"] = "1950",
        });
        var submit = await mirleft.PostFormAsync("/Profiles", $"/Profiles/{id}/Submit", new Dictionary<string, string>());
        var needs = await mirleft.PostFormAsync("/Profiles", $"/Profiles/{id}/Needs", new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Needs[0].Description"] = "forged",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, needs.StatusCode);
        Assert.NotEqual(1950, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.OpeningYear).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Needs.AnyAsync(n => n.Description == "forged")));
    }

    [Fact]
    public async Task OtherDirector_CannotStartAProfileForAnotherEstablishment()
    {
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", Year);
        var mirleft = await factory.SignedInClientAsync("director.mirleft@demo.local");
        var dakhla = await factory.EstablishmentIdAsync("ISTA-DAKHLA");
        var yearId = await ProfileFixtures.YearIdAsync(factory, Year);

        var response = await mirleft.PostFormAsync("/Profiles", "/Profiles/Start", new Dictionary<string, string>
        {
            ["establishmentId"] = dakhla.ToString(),
            ["trainingYearId"] = yearId.ToString(),
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task StaffOfAnotherDirectorate_CannotReadOrReview()
    {
        var id = await DakhlaProfileAsync();
        await factory.EnsureOtherDirectorateAsync();
        var other = await factory.SignedInClientAsync(RegionalTrainingFactory.OtherStaffEmail);

        var read = await other.GetAsync($"/Profiles/{id}/Review");
        var ret = await other.PostFormAsync("/Profiles", $"/Profiles/{id}/Return", new Dictionary<string, string> { ["comments[General]"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ret.StatusCode);
    }

    [Fact]
    public async Task UnknownProfile_Returns404()
    {
        var client = await factory.SignedInClientAsync("staff@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Profiles/987654/General")).StatusCode);
    }
}
