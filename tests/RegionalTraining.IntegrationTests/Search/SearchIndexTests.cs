using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Search;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Search;

/// <summary>The index on real SQLite (FTS5, trigram tokenizer), over the portal's migrated and seeded database.</summary>
[Collection(PortalCollection.Name)]
public sealed class SearchIndexTests(RegionalTrainingFactory factory)
{
    private const string FoundingSlug = "2023-01-20-rencontre-des-directeurs-d-etablissements-mirleft";

    private async Task<IReadOnlyList<SearchResultItem>> PublicSearchAsync(string query)
    {
        _ = factory.Server;
        return await factory.WithDbAsync(async db =>
            (await SearchIndex.For(db).SearchAsync(AccessScope.Anonymous, new SearchRequest(query, PublicOnly: true))).Items);
    }

    [Theory]
    [InlineData("ميراللفت")] // the seed article's three spellings of Mirleft
    [InlineData("بميراللفت")]
    [InlineData("مير اللفت")]
    [InlineData("العيون")] // article (the minutes write بالعيون)
    [InlineData("مير لفت")] // inner space
    [InlineData("Mirlleft")] // doubled letter
    [InlineData("وميرلفت")] // Arabic prefix
    [InlineData("Laayoune")] // Latin vowel variant
    [InlineData("Fadma El Bouhaly")]
    [InlineData("Sidi-Ifni")] // hyphen
    [InlineData("El Aaiún")] // a gazetteer variant of Laâyoune
    [InlineData("Mirlefd")] // a near spelling, by trigram similarity
    public async Task EachSpelling_FindsTheFoundingMeetingFirst(string query)
    {
        var found = await PublicSearchAsync(query);

        Assert.Equal(FoundingSlug, found.First().Slug);
    }

    [Fact]
    public async Task SqliteBundled_SupportsTheTrigramTokenizer()
    {
        var version = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS Value").SingleAsync());

        Assert.True(Version.Parse(version) >= new Version(3, 34), version);
    }

    [Fact]
    public async Task Search_ReadsTheFtsIndex_NotEveryRow()
    {
        _ = factory.Server;
        var commands = new CommandLog();
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={factory.DatabasePath}").AddInterceptors(commands).Options;
        await using var db = new AppDbContext(options);

        await SearchIndex.For(db).SearchAsync(AccessScope.Anonymous, new SearchRequest("ميراللفت", PublicOnly: true));

        var search = commands.Commands.First(c => c.CommandText.Contains("SearchEntriesFts", StringComparison.Ordinal));
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + search.CommandText;
        foreach (DbParameter p in search.Parameters)
        {
            explain.Parameters.AddWithValue(p.ParameterName, p.Value);
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN s", StringComparison.Ordinal) && !step.Contains("VIRTUAL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Director_FindsHisNeeds_NotAnotherEstablishments()
    {
        var mirleft = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var dakhla = await factory.EstablishmentIdAsync("ISTA-DAKHLA");
        await factory.WithDbAsync(async db =>
        {
            db.Needs.AddRange(
                new Need { EstablishmentId = mirleft, Description = "Photocopieuse zorbalune pour l'atelier", Category = NeedCategory.Equipment },
                new Need { EstablishmentId = dakhla, Description = "Climatiseur zorbalune pour la salle", Category = NeedCategory.Equipment });
            return await db.SaveChangesAsync();
        });
        var director = await factory.SignedInClientAsync("director.mirleft@demo.local");
        var staff = await factory.SignedInClientAsync("staff@demo.local");

        var mine = await director.GetStringAsync("/Search?q=zorbaloune");
        var all = await staff.GetStringAsync("/Search?q=zorbaloune");

        Assert.Contains("Photocopieuse <mark>zorbalune</mark>", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Climatiseur", mine, StringComparison.Ordinal);
        Assert.Contains("Climatiseur <mark>zorbalune</mark>", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedEntity_IsFoundByItsNewText()
    {
        var id = await factory.EstablishmentIdAsync("ISTA-DAKHLA");
        var needId = await factory.WithDbAsync(async db =>
        {
            var need = new Need { EstablishmentId = id, Description = "Tableau blanc", Category = NeedCategory.Equipment };
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            need.Description = "Tableau numérique quarxifolle";
            await db.SaveChangesAsync();
            return need.Id;
        });
        var admin = AccessScope.Anonymous with { UserId = "admin", Roles = new HashSet<string> { Roles.Administrator } };

        var found = await factory.WithDbAsync(async db => (await SearchIndex.For(db).SearchAsync(admin, new SearchRequest("quarxifolle"))).Items);

        Assert.Equal((SearchKind.Need, needId), (Assert.Single(found).Kind, found[0].EntityId));
    }

    [Fact]
    public async Task Archive_SearchBox_GoesThroughTheIndex_AndMarksTheWords()
    {
        var client = factory.NewClient("fr-MA");

        var response = await client.GetAsync("/archive?q=" + Uri.EscapeDataString("بميراللفت"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FoundingSlug, html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_SearchBox_FindsAnEstablishmentByAVariantOfItsTown()
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local");

        var html = await staff.GetStringAsync("/Establishments?q=Goulimine");

        Assert.Contains("Guelmim", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mirleft", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstablishmentPage_ShowsTheGazetteerNamesOfItsTown()
    {
        var id = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var staff = await factory.SignedInClientAsync("staff@demo.local", "fr-MA");

        var html = await staff.GetStringAsync($"/Establishments/Details/{id}");

        Assert.Contains("ميراللفت", html, StringComparison.Ordinal);
    }

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<DbCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
