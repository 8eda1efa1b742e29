using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.IntegrationTests.Data;

/// <summary>
/// The portal's contexts are pooled (docs/decisions/0031): what one request leaves in its context must not reach the
/// next request that rents the same instance. Built from the portal's own registration, on a provider of its own so
/// that no background job rents in between.
/// </summary>
public sealed class AppDbContextPoolingTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rt-pool-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _provider = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "pool.db")}",
        }).Build();
        _provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ICurrentUser>(SystemUser.Instance)
            .AddRegionalTrainingCore(configuration, _folder)
            .BuildServiceProvider();
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task NextRequest_AfterOneThatLeftItsConnectionOpenAndAChangeUnsaved_RentsTheSameContextClosedAndEmpty()
    {
        AppDbContext first;
        await using (var scope = _provider.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await first.Database.OpenConnectionAsync();
            first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            first.Directorates.Add(new Directorate { Code = "DR-UNSAVED", NameFr = "Jamais enregistrée", NameAr = "لم تحفظ" });
        }

        await using (var scope = _provider.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<AppDbContext>();

            Assert.Same(first, second);
            Assert.Equal(ConnectionState.Closed, second.Database.GetDbConnection().State);
            Assert.Empty(second.ChangeTracker.Entries());
            Assert.Equal(QueryTrackingBehavior.TrackAll, second.ChangeTracker.QueryTrackingBehavior);
            Assert.False(await second.Directorates.AnyAsync(d => d.Code == "DR-UNSAVED"));
        }
    }
}
