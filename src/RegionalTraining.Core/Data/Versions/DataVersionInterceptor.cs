using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RegionalTraining.Core.Data.Versions;

/// <summary>Told, on the node that saved it, that an area changed (the web side drops what it cached for it at once).</summary>
public interface IDataChangeListener
{
    Task DataChangedAsync(DataArea area, CancellationToken cancellationToken);
}

/// <summary>
/// Renews the <see cref="DataVersion"/> row of every area a save affects (<see cref="DataAreas"/>) inside that very
/// save, hence its transaction: the new stamp is visible exactly when the change is, on every node. Here rather than in
/// each service, so that no present or future write path can change an area and leave its caches standing.
/// Writes that bypass the change tracker (ExecuteUpdate, ExecuteDelete, raw SQL) bypass this too and must renew the
/// stamp themselves (docs/decisions/0016-data-versions.md).
/// </summary>
public sealed class DataVersionInterceptor(TimeProvider clock, IEnumerable<IDataChangeListener> listeners) : SaveChangesInterceptor
{
    /// <summary>
    /// The areas a save in progress renewed, per context: one interceptor serves every context (the options are built
    /// once, docs/decisions/0029), and the entry lives as long as its context. Contexts are pooled (docs/decisions/0031),
    /// so every save sets or clears its entry: one abandoned between saving and saved must not announce its areas later.
    /// </summary>
    private readonly ConditionalWeakTable<DbContext, IReadOnlyList<DataArea>> _renewed = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && DataAreas.Affected(context) is { Count: > 0 } areas)
        {
            foreach (var area in areas)
            {
                Renew(context, area, context.Set<DataVersion>().Find(area));
            }

            _renewed.AddOrUpdate(context, areas);
        }
        else if (eventData.Context is { } unchanged)
        {
            _renewed.Remove(unchanged);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && DataAreas.Affected(context) is { Count: > 0 } areas)
        {
            foreach (var area in areas)
            {
                Renew(context, area, await context.Set<DataVersion>().FindAsync([area], cancellationToken));
            }

            _renewed.AddOrUpdate(context, areas);
        }
        else if (eventData.Context is { } unchanged)
        {
            _renewed.Remove(unchanged);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var renewed = Take(eventData.Context);
        foreach (var area in renewed)
        {
            foreach (var listener in listeners)
            {
                await listener.DataChangedAsync(area, cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        var renewed = Take(eventData.Context);
        foreach (var area in renewed)
        {
            foreach (var listener in listeners)
            {
                listener.DataChangedAsync(area, CancellationToken.None).GetAwaiter().GetResult();
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private IReadOnlyList<DataArea> Take(DbContext? context)
    {
        if (context is null || !_renewed.TryGetValue(context, out var renewed))
        {
            return [];
        }

        _renewed.Remove(context);
        return renewed;
    }

    private void Renew(DbContext context, DataArea area, DataVersion? version)
    {
        if (version is null)
        {
            // Only a database made outside the migrations lacks the row.
            version = new DataVersion { Area = area, Stamp = string.Empty };
            context.Add(version);
        }

        version.Stamp = Guid.NewGuid().ToString("N");
        // Last-Modified has whole seconds: a change within the same second as the one before must still move it, or a
        // client asking If-Modified-Since would be told nothing changed.
        var now = clock.GetUtcNow().UtcDateTime;
        var floor = Truncate(version.ChangedAtUtc).AddSeconds(1);
        version.ChangedAtUtc = now < floor ? floor : now;
        // Said explicitly: the save may have looked for changes before this interceptor ran.
        var entry = context.Entry(version);
        if (entry.State != EntityState.Added)
        {
            entry.Property(v => v.Stamp).IsModified = true;
            entry.Property(v => v.ChangedAtUtc).IsModified = true;
        }
    }

    private static DateTime Truncate(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
