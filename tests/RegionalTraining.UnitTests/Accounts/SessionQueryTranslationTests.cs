using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;

namespace RegionalTraining.UnitTests.Accounts;

/// <summary>
/// The session check runs on every signed-in request, so a provider that cannot translate it takes the whole portal
/// down. No database here: the statement is translated for each provider, not run (docs/decisions/0034).
/// </summary>
public sealed class SessionQueryTranslationTests
{
    [Theory]
    [InlineData("SqlServer", "STRING_AGG(")]
    [InlineData("Sqlite", "group_concat(")]
    public void SessionCheck_AggregatesRolesAndEstablishmentsInOneRow(string provider, string aggregate)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        using var db = new AppDbContext((provider == "SqlServer"
            ? options.UseSqlServer("Server=localhost;Database=none")
            : options.UseSqlite("Data Source=:memory:")).Options);

        var sql = UserSessions.SessionSql(db);

        Assert.Equal(2, (sql.Length - sql.Replace(aggregate, string.Empty, StringComparison.Ordinal).Length) / aggregate.Length);
        Assert.DoesNotContain("LEFT JOIN", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ORDER BY", sql, StringComparison.Ordinal);
    }
}
