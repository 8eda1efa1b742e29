using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Profiles;

/// <summary>
/// Each section has its own token: saving one section never refuses a save of another, while two saves of the
/// same section from the same token cannot both win (Sidi Ifni's sheet of 2026, used by no other test).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProfileConcurrencyTests(RegionalTrainingFactory factory)
{
    private const string Director = "director.sidi-ifni.concurrency@test.local";
    private const int Year = 2026;

    private async Task<(int ProfileId, AccessScope Scope)> ProfileAsync()
    {
        var establishment = await factory.EstablishmentIdAsync("ISTA-SIDI-IFNI");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegionalTraining.Core.Data.AppDbContext>();
            if (!await db.Users.AnyAsync(u => u.Email == Director))
            {
                var created = await scope.ServiceProvider.GetRequiredService<IAccountService>()
                    .CreateAsync(new AccountInput(Director, "Directeur Sidi Ifni", Roles.EstablishmentDirector, null, [establishment]), RegionalTrainingFactory.Password);
                Assert.True(created.Succeeded);
            }
        }

        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", Year);
        var id = await ProfileFixtures.StartAsync(factory, await factory.SignedInClientAsync(Director), "ISTA-SIDI-IFNI", Year);
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Director).Select(u => u.Id).SingleAsync());
        return (id, new AccessScope(userId, new HashSet<string> { Roles.EstablishmentDirector }, null, new HashSet<int> { establishment }));
    }

    private Task<Guid> TokenAsync(int id, ProfileSection section) =>
        factory.WithDbAsync(db => db.ProfileSections.Where(s => s.ProfileId == id && s.Section == section).Select(s => s.Version).SingleAsync());

    /// <summary>
    /// Runs <paramref name="meanwhile"/> in its own scope (its own DbContext) after the outer save has read the
    /// profile and before it writes: the interleaving of two requests, made certain.
    /// </summary>
    private async Task<(Result Outer, Result Inner)> InterleavedAsync(
        int id, AccessScope director, ProfileSection section, Guid version, Action<EstablishmentProfile> change, Func<IProfileService, Task<Result>> meanwhile)
    {
        await using var outerScope = factory.Services.CreateAsyncScope();
        await using var innerScope = factory.Services.CreateAsyncScope();
        Result inner = Result.NotFound();
        var outer = await outerScope.ServiceProvider.GetRequiredService<IProfileService>().SaveSectionAsync(director, id, section, version, null, async profile =>
        {
            change(profile);
            inner = await meanwhile(innerScope.ServiceProvider.GetRequiredService<IProfileService>());
            return Result.Success<IReadOnlyList<ProfileChange>>([]);
        });
        return (outer, inner);
    }

    [Fact]
    public async Task SavesOfDifferentSections_RacingOnTheSameProfile_BothSucceed()
    {
        var (id, director) = await ProfileAsync();
        var general = await TokenAsync(id, ProfileSection.General);
        var staff = await TokenAsync(id, ProfileSection.HumanResources);

        var (outer, inner) = await InterleavedAsync(id, director, ProfileSection.General, general, p => p.SiteAreaSquareMetres = 6100,
            service => service.SaveAsync(director, id, new SectionEdit<HumanResourcesInput>(new() { PermanentTrainers = 17 }, staff, null)));

        Assert.Equal((ResultStatus.Succeeded, ResultStatus.Succeeded), (outer.Status, inner.Status));
        var stored = await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((6100, 17), (stored.SiteAreaSquareMetres, stored.PermanentTrainers));
    }

    [Fact]
    public async Task SavesOfTheSameSection_RacingWithTheSameToken_OnlyTheFirstToWriteWins()
    {
        var (id, director) = await ProfileAsync();
        var token = await TokenAsync(id, ProfileSection.Programmes);

        var (outer, inner) = await InterleavedAsync(id, director, ProfileSection.Programmes, token, p => p.Classrooms = p.Classrooms,
            service => service.SaveAsync(director, id, new SectionEdit<ProgrammesInput>(new(), token, "écrit en premier")));

        Assert.Equal((ResultStatus.Conflict, ResultStatus.Succeeded), (outer.Status, inner.Status));
        Assert.Equal("écrit en premier", await factory.WithDbAsync(db => db.ProfileSections
            .Where(s => s.ProfileId == id && s.Section == ProfileSection.Programmes).Select(s => s.WarningComment).SingleAsync()));
    }

    [Fact]
    public async Task FirstSavesOfASectionWithoutItsRow_Racing_OnlyTheFirstToWriteWins_AndTheOtherIsAConflict()
    {
        // A sheet whose section has no token row yet (sheets made before the tokens, or by the synthetic set): both
        // saves add one, and the database refuses the second row; that is a conflict to show, not a server error.
        var (id, director) = await ProfileAsync();
        await factory.WithDbAsync(db => db.ProfileSections.Where(s => s.ProfileId == id && s.Section == ProfileSection.HumanResources).ExecuteDeleteAsync());

        var (outer, inner) = await InterleavedAsync(id, director, ProfileSection.HumanResources, Guid.Empty, p => p.PermanentTrainers = 30,
            service => service.SaveAsync(director, id, new SectionEdit<HumanResourcesInput>(new() { PermanentTrainers = 19 }, Guid.Empty, "écrit en premier")));

        Assert.Equal((ResultStatus.Conflict, ResultStatus.Succeeded), (outer.Status, inner.Status));
        Assert.Equal("écrit en premier", await factory.WithDbAsync(db => db.ProfileSections
            .Where(s => s.ProfileId == id && s.Section == ProfileSection.HumanResources).Select(s => s.WarningComment).SingleAsync()));
        Assert.Equal(19, await factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == id).Select(p => p.PermanentTrainers).SingleAsync()));
    }

    [Fact]
    public async Task PageOpenedBeforeOtherSaves_SavesItsOwnSection_ButASecondSaveOfTheSameSectionGets409WithWhatWasTyped()
    {
        var (id, _) = await ProfileAsync();
        var client = await factory.SignedInClientAsync(Director, "fr-MA");
        var generalPage = await client.GetStringAsync($"/Profiles/{id}/General");
        var staffPage = await client.GetStringAsync($"/Profiles/{id}/HumanResources");
        var generalToken = HttpClientFormExtensions.HiddenValue(generalPage, "Version");

        var general = await client.PostFormAsync($"/Profiles/{id}/General", $"/Profiles/{id}/General",
            new Dictionary<string, string> { ["Version"] = generalToken, ["SiteAreaSquareMetres"] = "7200" });
        var staff = await client.PostFormAsync($"/Profiles/{id}/HumanResources", $"/Profiles/{id}/HumanResources",
            new Dictionary<string, string> { ["Version"] = HttpClientFormExtensions.HiddenValue(staffPage, "Version"), ["PermanentTrainers"] = "21" });
        var again = await client.PostFormAsync($"/Profiles/{id}/General", $"/Profiles/{id}/General",
            new Dictionary<string, string> { ["Version"] = generalToken, ["SiteAreaSquareMetres"] = "6400", ["AddressFr"] = "Route de Guelmim" });
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (general.StatusCode, staff.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Quelqu'un d'autre a enregistré cette section", html);
        Assert.DoesNotContain("Corrigez les champs", html);
        Assert.Contains("value=\"6400\"", html);
        Assert.Contains("value=\"Route de Guelmim\"", html);
        Assert.Contains("7200", html[html.IndexOf("SiteAreaSquareMetres-saved", StringComparison.Ordinal)..]);
        Assert.NotEqual(generalToken, HttpClientFormExtensions.HiddenValue(html, "Version"));
        var stored = await factory.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((7200, 21), (stored.SiteAreaSquareMetres, stored.PermanentTrainers));
    }
}
