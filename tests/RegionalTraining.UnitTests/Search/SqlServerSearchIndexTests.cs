using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Search;

namespace RegionalTraining.UnitTests.Search;

/// <summary>No SQL Server here: the candidate query is translated (not run), so a LINQ SQL Server cannot run fails here.</summary>
public sealed class SqlServerSearchIndexTests
{
    [Fact]
    public void Candidates_TranslateToALookupOfTheGramsWithinThePerimeter()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlServer("Server=localhost;Database=none").Options);
        var director = new AccessScope("d", new HashSet<string> { Roles.EstablishmentDirector }, 1, new HashSet<int> { 7 });
        var scoped = db.SearchEntries.Where(SearchIndex.Perimeter(director, publicOnly: false));

        var sql = new SqlServerSearchIndex(db).Query(scoped, [new SearchTermGroup(["ميرلفت", "mirlift"])]).ToQueryString();

        Assert.Contains("[SearchGrams]", sql, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("[IsPublic]", sql, StringComparison.Ordinal);
    }
}
