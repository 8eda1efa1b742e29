using Microsoft.Extensions.DependencyInjection;

namespace RegionalTraining.Core.Data.Versions;

/// <summary>
/// The stamps as this node last read them, for paths where even one primary-key read per request is most of the cost
/// (a cached public page): read from the database at most once per <see cref="MaxAge"/> per area, and dropped at
/// once when this node saves a change of the area (<see cref="IDataChangeListener"/>). So a change shows on the node
/// that saved it at the very next request, and on the other nodes within <see cref="MaxAge"/>
/// (docs/decisions/0016-data-versions.md).
/// </summary>
public sealed class DataVersionCache(IServiceScopeFactory scopes, TimeProvider clock) : IDataChangeListener
{
    /// <summary>How stale another node's change may be seen here.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Entry?[] _entries = new Entry?[Enum.GetValues<DataArea>().Cast<int>().Max() + 1];

    /// <summary>Moved by every change saved on this node: a read begun before it is not kept.</summary>
    private readonly int[] _generations = new int[Enum.GetValues<DataArea>().Cast<int>().Max() + 1];

    public async ValueTask<DataStamp> CurrentAsync(DataArea area, CancellationToken cancellationToken)
    {
        var index = (int)area;
        var generation = Volatile.Read(ref _generations[index]);
        var now = clock.GetTimestamp();
        if (Volatile.Read(ref _entries[index]) is { } entry && entry.Generation == generation && clock.GetElapsedTime(entry.ReadAt, now) < MaxAge)
        {
            return entry.Stamp;
        }

        await using var scope = scopes.CreateAsyncScope();
        var stamp = await DataVersions.CurrentAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), area, cancellationToken);
        // Filed under the generation seen before the read: if this node saved a change meanwhile, the next request reads again.
        Volatile.Write(ref _entries[index], new Entry(stamp, now, generation));
        return stamp;
    }

    public Task DataChangedAsync(DataArea area, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generations[(int)area]);
        return Task.CompletedTask;
    }

    private sealed record Entry(DataStamp Stamp, long ReadAt, int Generation);
}
