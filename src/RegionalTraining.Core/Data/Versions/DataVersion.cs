using Microsoft.EntityFrameworkCore;

namespace RegionalTraining.Core.Data.Versions;

/// <summary>
/// A part of the data that a cache on every web node is keyed by: each has one row in <c>DataVersions</c> whose stamp
/// is renewed by every save that changes what it shows (see <see cref="DataAreas"/>). docs/decisions/0016-data-versions.md.
/// </summary>
public enum DataArea
{
    /// <summary>What the public archive, a meeting's public page and the feeds show (docs/decisions/0011-public-page-caching.md).</summary>
    PublicArchive = 1,

    /// <summary>What a dashboard, its option lists and its campaign completeness show (docs/decisions/0012-dashboard-figures.md).</summary>
    Figures = 2,
}

/// <summary>
/// One row per <see cref="DataArea"/>, inserted by the migration: its <see cref="Stamp"/> is renewed in the same
/// save, hence the same transaction, as every change of the area (<see cref="DataVersionInterceptor"/>), so a stamp
/// read from the database is never older than the data it stands for, on any node.
/// </summary>
public class DataVersion
{
    public DataArea Area { get; set; }

    /// <summary>A new random value at every change, not a counter: two concurrent saves never write the same stamp.</summary>
    public required string Stamp { get; set; }

    /// <summary>When the area last changed (UTC), at least a second after the change before (HTTP dates have whole seconds).</summary>
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>What a reader needs from a <see cref="DataVersion"/> row.</summary>
public sealed record DataStamp(string Stamp, DateTime ChangedAtUtc)
{
    /// <summary>What a database made without the migrations (no row) reads as.</summary>
    public static readonly DataStamp None = new(string.Empty, DateTime.UnixEpoch);
}

public static class DataVersions
{
    /// <summary>The stamp the migration writes for every area; the first change replaces it.</summary>
    public const string Initial = "initial";

    public static readonly DateTime InitialChangedAtUtc = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // Compiled once: the public pages and the dashboards run it on every request.
    private static readonly Func<AppDbContext, DataArea, CancellationToken, Task<DataStamp?>> Read = EF.CompileAsyncQuery(
        (AppDbContext db, DataArea area, CancellationToken _) =>
            db.Set<DataVersion>().AsNoTracking().Where(v => v.Area == area).Select(v => new DataStamp(v.Stamp, v.ChangedAtUtc)).FirstOrDefault());

    /// <summary>The current stamp of <paramref name="area"/>; read it before the data it keys, so a cached value is never older than its stamp.</summary>
    public static async Task<DataStamp> CurrentAsync(AppDbContext db, DataArea area, CancellationToken cancellationToken) =>
        await Read(db, area, cancellationToken) ?? DataStamp.None;
}
