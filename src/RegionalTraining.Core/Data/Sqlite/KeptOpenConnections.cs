using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace RegionalTraining.Core.Data.Sqlite;

/// <summary>
/// The SQLite connections that pooled contexts keep open between requests (<see cref="KeptOpenSqliteConnection"/>),
/// at most <see cref="Limit"/>, closed when the portal stops. EF Core 10 does not dispose the connection of a pooled
/// context it tears down (when its pool stops or overflows), so the portal closes the connections it kept open itself.
/// </summary>
public sealed class KeptOpenConnections : IDisposable
{
    /// <summary>More than two cores serve at once; a connection beyond these closes as before and opens again.</summary>
    public const int Limit = 64;

    private readonly ConcurrentDictionary<SqliteConnection, byte> _open = new();
    private bool _stopped;

    public int Count => _open.Count;

    /// <summary>Whether <paramref name="connection"/> may stay open: it already did, or there is room for it.</summary>
    public bool TryKeep(SqliteConnection connection) =>
        !_stopped && (_open.ContainsKey(connection) || (_open.Count < Limit && _open.TryAdd(connection, 0)));

    public void Forget(SqliteConnection connection) => _open.TryRemove(connection, out _);

    public void Dispose()
    {
        _stopped = true;
        foreach (var connection in _open.Keys)
        {
            connection.Dispose();
        }

        _open.Clear();
    }
}
