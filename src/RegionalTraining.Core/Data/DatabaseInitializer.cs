using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Data.Seeding;

namespace RegionalTraining.Core.Data;

/// <summary>Brings the database to the current schema and loads reference data at start.</summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    DatabaseOptions options,
    ReferenceDataSeeder referenceData,
    MeetingSeeder meetings,
    Search.GazetteerSeeder gazetteer,
    Search.SearchIndexWriter searchIndex,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(string seedsPath, CancellationToken cancellationToken = default)
    {
        if (options.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {MigrationCount} migrations on {Provider}", pending.Count, options.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                "The database schema is behind this version: apply the migration script first (docs/operations.md).");
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while a director saves; the file stays consistent after a crash.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await referenceData.SeedAsync(seedsPath, cancellationToken);
        await gazetteer.SeedAsync(seedsPath, cancellationToken);
        await meetings.SeedAsync(seedsPath, cancellationToken);
        if (!await db.SearchEntries.AnyAsync(cancellationToken))
        {
            // The first start after the SearchIndex migration (or an emptied index): saves keep it in step afterwards.
            var count = await searchIndex.RebuildAsync(cancellationToken);
            logger.LogInformation("Search index built: {EntryCount} entries", count);
        }
    }
}
