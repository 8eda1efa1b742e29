using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RegionalTraining.Core.Data.Sqlite;

/// <summary>
/// Runs the session check, which every signed-in request sends first, on a statement kept prepared on its connection
/// (docs/decisions/0036). EF Core builds a new command for every call, and SQLite spent several times longer compiling
/// this statement than running it. The command EF Core built is replaced by one with the same text and the same
/// parameter values, prepared once per open connection (<see cref="KeptOpenSqliteConnection"/>); EF Core reads its rows
/// as it would have read its own. Only the query tagged <see cref="Tag"/> is concerned, and only on SQLite: SQL Server
/// keeps its plans itself.
/// </summary>
public sealed class PreparedSessionCheck : DbCommandInterceptor
{
    public const string Tag = "session check";

    private static readonly string Marker = "-- " + Tag + Environment.NewLine;

    private readonly ConditionalWeakTable<SqliteConnection, SqliteCommand> _commands = new();
    private long _prepared;

    /// <summary>How many times the statement was prepared: once per connection while it stays open.</summary>
    public long Prepared => Interlocked.Read(ref _prepared);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || command is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } built
            || !built.CommandText.StartsWith(Marker, StringComparison.Ordinal))
        {
            return result;
        }

        var prepared = _commands.GetValue(connection, Create);
        if (!string.Equals(prepared.CommandText, built.CommandText, StringComparison.Ordinal))
        {
            prepared.CommandText = built.CommandText;
            prepared.Parameters.Clear();
            foreach (SqliteParameter parameter in built.Parameters)
            {
                prepared.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.SqliteType));
            }

            Interlocked.Increment(ref _prepared);
        }

        // The size with the value, on every call: Microsoft.Data.Sqlite cuts a string to its parameter's size, and the size
        // EF Core gives differs from call to call. A size kept from the call that prepared the statement cut a longer
        // account id short, and that person's sessions were refused on this connection (PreparedSessionCheckTests).
        for (var i = 0; i < built.Parameters.Count; i++)
        {
            prepared.Parameters[i].Size = built.Parameters[i].Size;
            prepared.Parameters[i].Value = built.Parameters[i].Value;
        }

        prepared.Transaction = built.Transaction;
        prepared.CommandTimeout = built.CommandTimeout;
        return InterceptionResult<DbDataReader>.SuppressWithResult(await prepared.ExecuteReaderAsync(cancellationToken));
    }

    // A connection that closes disposes its commands, this one included: the next check on it starts a new command.
    private SqliteCommand Create(SqliteConnection connection)
    {
        connection.StateChange += Forget;
        return connection.CreateCommand();
    }

    private void Forget(object? sender, StateChangeEventArgs change)
    {
        if (change.CurrentState == ConnectionState.Closed && sender is SqliteConnection connection)
        {
            connection.StateChange -= Forget;
            _commands.Remove(connection);
        }
    }
}
