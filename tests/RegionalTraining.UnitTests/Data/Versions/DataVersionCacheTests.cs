using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Versions;

namespace RegionalTraining.UnitTests.Data.Versions;

/// <summary>
/// A node keeps the stamps it read for at most <see cref="DataVersionCache.MaxAge"/>, and drops one at once when it
/// saves a change of that area itself. Time is the fake clock's; real SQLite in memory stands for the shared database.
/// </summary>
public sealed class DataVersionCacheTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceProvider _services;
    private readonly DataVersionCache _cache;

    public DataVersionCacheTests()
    {
        _connection.Open();
        _services = new ServiceCollection().AddDbContext<AppDbContext>(o => o.UseSqlite(_connection)).BuildServiceProvider();
        using (var scope = _services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureCreated();
        }

        _cache = new DataVersionCache(_services.GetRequiredService<IServiceScopeFactory>(), _clock);
    }

    public void Dispose()
    {
        _services.Dispose();
        _connection.Dispose();
    }

    /// <summary>What another node's save does: a new stamp in the database, unknown to this node.</summary>
    private void ChangedElsewhere(DataArea area, string stamp)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE DataVersions SET Stamp = $stamp WHERE Area = $area";
        command.Parameters.AddWithValue("$stamp", stamp);
        command.Parameters.AddWithValue("$area", area.ToString());
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private async Task<string> StampAsync(DataArea area) => (await _cache.CurrentAsync(area, CancellationToken.None)).Stamp;

    [Fact]
    public async Task ChangeOnAnotherNode_IsSeenOnceTheStampIsOlderThanMaxAge()
    {
        var first = await StampAsync(DataArea.PublicArchive);
        ChangedElsewhere(DataArea.PublicArchive, "elsewhere");
        var withinMaxAge = await StampAsync(DataArea.PublicArchive);
        _clock.Advance(DataVersionCache.MaxAge);
        var afterMaxAge = await StampAsync(DataArea.PublicArchive);

        Assert.Equal((DataVersions.Initial, DataVersions.Initial, "elsewhere"), (first, withinMaxAge, afterMaxAge));
    }

    [Fact]
    public async Task ChangeSavedOnThisNode_IsSeenAtTheVeryNextRead()
    {
        await StampAsync(DataArea.PublicArchive);
        ChangedElsewhere(DataArea.PublicArchive, "here");
        await _cache.DataChangedAsync(DataArea.PublicArchive, CancellationToken.None);

        Assert.Equal("here", await StampAsync(DataArea.PublicArchive));
    }

    [Fact]
    public async Task ChangeOfOneArea_LeavesTheOtherAreasStampAsRead()
    {
        await StampAsync(DataArea.PublicArchive);
        await StampAsync(DataArea.Figures);
        ChangedElsewhere(DataArea.PublicArchive, "archive");
        ChangedElsewhere(DataArea.Figures, "figures");
        await _cache.DataChangedAsync(DataArea.Figures, CancellationToken.None);

        Assert.Equal((DataVersions.Initial, "figures"), (await StampAsync(DataArea.PublicArchive), await StampAsync(DataArea.Figures)));
    }
}
