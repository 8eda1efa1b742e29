using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.IntegrationTests.Security;

namespace RegionalTraining.IntegrationTests.Data;

[Collection(ProductionCollection.Name)]
public sealed class DemoDataProductionTests(ProductionPortal production)
{
    [Fact]
    public async Task Production_NeverSeedsTheDemoData_EvenWhenTheSettingAsksForIt()
    {
        await using var portal = production.Factory.WithWebHostBuilder(b => b.UseSetting("Seeding:DemoData", "true"));
        _ = portal.Server;
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync());

        Assert.Contains("Development only", refusal.Message, StringComparison.Ordinal);
        Assert.False(await db.Meetings.AnyAsync(m => m.Slug == DemoDataSeeder.DraftMeetingSlug));
        Assert.False(await db.Set<Core.Profiles.ProfileEquipment>().AnyAsync(e => e.Name.StartsWith("Équipement de démonstration")));
    }
}
