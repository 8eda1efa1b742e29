using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.IntegrationTests.Dashboards;

public sealed class SyntheticDataTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SyntheticDataTests() => _connection.Open();

    private AppDbContext NewContext() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(_connection).AddInterceptors(new AuditInterceptor(SystemUser.Instance, TimeProvider.System)).Options);

    [Fact]
    public async Task Generate_MakesMarkedEstablishmentsWithAProfilePerYearAndOnlyOnce()
    {
        await using (var setup = NewContext())
        {
            await setup.Database.EnsureCreatedAsync();
            var sector = new Sector { Code = "S", NameFr = "S", NameAr = "ق" };
            setup.Programmes.Add(new Programme { Code = "P", NameFr = "P", NameAr = "ش", Sector = sector, Level = TrainingLevel.Technician });
            await setup.SaveChangesAsync();
        }

        await using var db = NewContext();
        var generator = new SyntheticDataGenerator(db, NullLogger<SyntheticDataGenerator>.Instance);

        var first = await generator.GenerateAsync(new SyntheticDataOptions(Directorates: 2, Establishments: 30, Years: 3, Seed: 7), 2026);
        var second = await generator.GenerateAsync(new SyntheticDataOptions(Directorates: 2, Establishments: 30, Years: 3, Seed: 7), 2026);

        Assert.Equal(30, first);
        Assert.Equal(0, second);
        Assert.Equal(30, await db.Establishments.CountAsync(e => e.Code.StartsWith("SYN-")));
        Assert.Equal(90, await db.Profiles.CountAsync());
        Assert.All(await db.Directorates.Select(d => d.NameFr).ToListAsync(), name => Assert.Contains("synthétique", name));
        Assert.DoesNotContain(await db.ProfileProgrammes.ToListAsync(), r => r.FirstYearWomen > r.FirstYearTrainees || r.TotalTrainees > r.Capacity);
    }

    public void Dispose() => _connection.Dispose();
}
