using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Data;

[Collection(PortalCollection.Name)]
public sealed class SeedingTests(RegionalTrainingFactory factory)
{
    [Fact]
    public async Task FirstStart_SeedsTheSouthernDirectorateWithItsProvincesAndMirleft()
    {
        _ = factory.Server;

        var provinces = await factory.WithDbAsync(db => db.Provinces.CountAsync(p => p.Region!.Directorate!.Code == "DR-SUD"));
        var regions = await factory.WithDbAsync(db => db.Regions.CountAsync(r => r.Directorate!.Code == "DR-SUD"));
        var mirleft = await factory.WithDbAsync(db => db.Establishments.Include(e => e.Complex).SingleAsync(e => e.Code == "ISTA-FEB-MIRLEFT"));

        Assert.Equal(3, regions);
        Assert.Equal(10, provinces);
        Assert.Equal("CX-SIF-MIR", mirleft.Complex!.Code);
        Assert.False(string.IsNullOrWhiteSpace(mirleft.NameAr));
    }

    [Fact]
    public async Task SecondSeeding_AddsNothing()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>();
        var before = await factory.WithDbAsync(db => db.Establishments.CountAsync());

        var added = await seeder.SeedAsync(RepositoryPaths.Seeds);

        Assert.Equal(0, added);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Establishments.CountAsync()));
    }

    [Fact]
    public async Task Seeding_KeepsWhatAnAdministratorChanged()
    {
        _ = factory.Server;
        await factory.WithDbAsync(async db =>
        {
            var sector = await db.Sectors.OrderBy(s => s.Id).FirstAsync();
            sector.NameFr = "Nom corrigé par l'administrateur";
            return await db.SaveChangesAsync();
        });
        await using var scope = factory.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(RepositoryPaths.Seeds);

        Assert.Equal("Nom corrigé par l'administrateur", await factory.WithDbAsync(db => db.Sectors.OrderBy(s => s.Id).Select(s => s.NameFr).FirstAsync()));
    }

    [Fact]
    public async Task APortalWithoutDemoData_ShowsNoDemoBannerAndNoSheet()
    {
        var page = await factory.NewClient("fr-MA").GetStringAsync("/archive");

        Assert.DoesNotContain("data-demo-banner", page, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Slug == DemoDataSeeder.DraftMeetingSlug)));
    }
}
