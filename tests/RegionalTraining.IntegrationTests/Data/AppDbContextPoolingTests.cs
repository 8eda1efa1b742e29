using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.IntegrationTests.Data;

/// <summary>
/// The portal's contexts are pooled (docs/decisions/0031): what one request leaves in its context must not reach the
/// next request that rents the same instance. On SQLite the connection stays open (docs/decisions/0036,
/// KeptOpenSqliteConnectionTests).
/// </summary>
public sealed class AppDbContextPoolingTests : IAsyncLifetime
{
    private PortalCoreServices _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalCoreServices.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task NextRequest_AfterOneThatLeftAChangeUnsaved_RentsTheSameContextEmptyOnItsStillOpenConnection()
    {
        AppDbContext first = null!;
        System.Data.Common.DbConnection connection = null!;
        await _portal.InRequestAsync(async db =>
        {
            first = db;
            connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            db.Directorates.Add(new Directorate { Code = "DR-UNSAVED", NameFr = "Jamais enregistrée", NameAr = "لم تحفظ" });
        });

        await _portal.InRequestAsync(async second =>
        {
            Assert.Same(first, second);
            Assert.Same(connection, second.Database.GetDbConnection());
            Assert.Equal(ConnectionState.Open, connection.State);
            Assert.Empty(second.ChangeTracker.Entries());
            Assert.Equal(QueryTrackingBehavior.TrackAll, second.ChangeTracker.QueryTrackingBehavior);
            Assert.False(await second.Directorates.AnyAsync(d => d.Code == "DR-UNSAVED"));
        });
    }
}
