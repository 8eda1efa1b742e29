namespace RegionalTraining.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default: an embedded file, nothing to install) or SqlServer (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to a file under App_Data for SQLite; required for SQL Server.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start. On for SQLite; production SQL Server applies a reviewed script instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
