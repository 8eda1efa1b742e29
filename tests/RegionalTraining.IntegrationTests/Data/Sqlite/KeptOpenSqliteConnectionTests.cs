using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Sqlite;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.IntegrationTests.Data.Sqlite;

/// <summary>
/// A pooled context keeps its SQLite connection open between requests (docs/decisions/0036): what one request leaves
/// on it (a transaction, a lock, a snapshot) must not reach the next, and the portal closes what it kept open.
/// </summary>
public sealed class KeptOpenSqliteConnectionTests : IAsyncLifetime
{
    private PortalCoreServices _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalCoreServices.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task NextRequest_AfterOneThatLeftATransactionOpen_FindsItRolledBackAndTheDatabaseFreeToWrite()
    {
        await _portal.InRequestAsync(async db =>
        {
            await db.Database.BeginTransactionAsync();
            db.Directorates.Add(new Directorate { Code = "DR-UNCOMMITTED", NameFr = "Jamais validée", NameAr = "لم تعتمد" });
            await db.SaveChangesAsync();
        });

        await AssertFreeToWriteAsync("DR-OTHER");
        await _portal.InRequestAsync(async db => Assert.False(await db.Directorates.AnyAsync(d => d.Code == "DR-UNCOMMITTED")));
    }

    [Fact]
    public async Task NextRequest_AfterOneThatBeganATransactionBehindEfCore_GetsTheConnectionClosedAndTheWriteUndone()
    {
        DbConnection connection = null!;
        await _portal.InRequestAsync(async db =>
        {
            connection = db.Database.GetDbConnection();
            await db.Database.ExecuteSqlRawAsync("BEGIN");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO AspNetRoles (Id, Name) VALUES ('raw-role', 'Raw')");
        });

        Assert.Equal(ConnectionState.Closed, connection.State);
        await AssertFreeToWriteAsync("DR-OTHER");
        await _portal.InRequestAsync(async db => Assert.False(await db.Roles.AnyAsync(r => r.Id == "raw-role")));
    }

    // A lock left behind would make this write wait a second for it, then fail.
    private async Task AssertFreeToWriteAsync(string code)
    {
        await using var other = _portal.OtherConnection(busyTimeoutSeconds: 1);
        other.Directorates.Add(new Directorate { Code = code, NameFr = "Autre", NameAr = "أخرى" });
        Assert.Equal(1, await other.SaveChangesAsync());
    }

    [Fact]
    public async Task NextRequest_OnAConnectionKeptOpen_ReadsWhatAnotherConnectionWroteMeanwhile()
    {
        await _portal.InRequestAsync(async db => Assert.False(await db.Directorates.AnyAsync(d => d.Code == "DR-LATER")));

        await using (var other = _portal.OtherConnection())
        {
            other.Directorates.Add(new Directorate { Code = "DR-LATER", NameFr = "Plus tard", NameAr = "لاحقا" });
            await other.SaveChangesAsync();
        }

        await _portal.InRequestAsync(async db =>
        {
            Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
            Assert.True(await db.Directorates.AnyAsync(d => d.Code == "DR-LATER"));
        });
    }

    [Fact]
    public async Task StoppingThePortal_ClosesTheConnectionsItsPoolKeptOpen()
    {
        var connection = await _portal.InRequestAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await db.Directorates.CountAsync();
            return db.Database.GetDbConnection();
        });
        Assert.Equal(ConnectionState.Open, connection.State);

        await _portal.Provider.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
    }
    [Fact]
    public async Task RequestsBeyondTheLimitAtOnce_CloseTheirConnectionsAsBefore()
    {
        var scopes = Enumerable.Range(0, KeptOpenConnections.Limit + 1).Select(_ => _portal.Provider.CreateAsyncScope()).ToList();
        var connections = new List<DbConnection>();
        foreach (var scope in scopes)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Directorates.CountAsync();
            connections.Add(db.Database.GetDbConnection());
        }

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        Assert.Equal(KeptOpenConnections.Limit, _portal.Provider.GetRequiredService<KeptOpenConnections>().Count);
        Assert.Equal(KeptOpenConnections.Limit, connections.Count(c => c.State == ConnectionState.Open));
    }
}
