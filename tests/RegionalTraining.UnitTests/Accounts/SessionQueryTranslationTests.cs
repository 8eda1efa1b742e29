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
    [Fact]
    public void SessionCheck_OnSqlServer_AggregatesRolesAndEstablishmentsInOneRow()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlServer("Server=localhost;Database=none").Options);

        var sql = UserSessions.SessionSql(db);

        Assert.Equal(2, Occurrences(sql, "STRING_AGG("));
        Assert.DoesNotContain("LEFT JOIN", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ORDER BY", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionCheck_OnSqlite_AggregatesRolesAndEstablishmentsInOneRow()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);

        var sql = UserSessions.SessionSql(db);

        Assert.Equal(2, Occurrences(sql, "group_concat("));
        Assert.DoesNotContain("LEFT JOIN", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ORDER BY", sql, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
