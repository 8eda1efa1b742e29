using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace RegionalTraining.Core.Data.Sqlite;

/// <summary>
/// A pooled context's SQLite connection stays open between the requests that rent it (docs/decisions/0036).
/// Microsoft.Data.Sqlite finalises a connection's prepared statements when it closes, so a statement can only stay
/// prepared (<see cref="PreparedSessionCheck"/>) on a connection that does not close; opening and closing also cost a
/// pool lock and EF Core's SQLite functions, registered at each open and removed at each close.
/// An idle open connection holds no lock and no snapshot: each statement outside a transaction reads the latest data.
/// It is closed for real when it still holds a transaction (rolled back first) or broke, when
/// <see cref="KeptOpenConnections.Limit"/> others are already kept open, and when the portal stops.
/// </summary>
#pragma warning disable EF1001 // SqliteRelationalConnection is the provider's own connection service; only its closing changes.
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private readonly KeptOpenConnections? _kept = dependencies.ContextOptions.FindExtension<CoreOptionsExtension>()
        ?.ApplicationServiceProvider?.GetService<KeptOpenConnections>();

    /// <summary>Makes this the connection of the contexts built with <paramref name="options"/> (SQLite only).</summary>
    public static void Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001

    protected override void CloseDbConnection()
    {
        if (MustClose())
        {
            DbConnection.Close();
        }
    }

    protected override Task CloseDbConnectionAsync() => MustClose() ? DbConnection.CloseAsync() : Task.CompletedTask;

    private bool MustClose()
    {
        if (DbConnection is not SqliteConnection { State: ConnectionState.Open, Handle: { } handle } connection)
        {
            return true;
        }

        // Autocommit is off exactly while a transaction is open. EF Core has rolled back its own by now, so this one was
        // begun behind its back ("BEGIN" as SQL); closing would not end it, and Microsoft.Data.Sqlite's pool would keep
        // the handle with its transaction and its locks for whoever opens next.
        var idle = raw.sqlite3_get_autocommit(handle) != 0;
        if (idle && _kept?.TryKeep(connection) == true)
        {
            return false;
        }

        if (!idle)
        {
            raw.sqlite3_exec(handle, "ROLLBACK");
        }

        _kept?.Forget(connection);
        return true;
    }
}
