using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Dashboards;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Organisation;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Dashboards;

/// <summary>
/// Every query the dashboard runs (figures, option lists, campaign completeness, the figures stamp) is captured
/// and explained by SQLite: none may read a large table row by row without an index.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class DashboardQueryPlanTests(RegionalTrainingFactory factory)
{
    /// <summary>The tables that grow with establishments and years; the reference lists are a few dozen rows.</summary>
    private static readonly HashSet<string> LargeTables =
        ["Establishments", "Profiles", "ProfileProgrammes", "Needs", "Constraints", "ProfileEvents", "ProfileSections", "Campaigns"];

    [Fact]
    public async Task EveryDashboardQuery_ReadsLargeTablesThroughAnIndex()
    {
        await RegionalTraining.IntegrationTests.Profiles.ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", 2021);
        var capture = new CapturingInterceptor();
        await using var portal = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(capture))));
        await using var scope = portal.Services.CreateAsyncScope();
        var dashboards = scope.ServiceProvider.GetRequiredService<IDashboardService>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var south = await db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync();
        var province = await db.Provinces.Where(p => p.Region!.DirectorateId == south).Select(p => new { p.Id, p.RegionId }).FirstAsync();
        var sector = await db.Sectors.Select(s => s.Id).FirstAsync();
        var admin = new AccessScope("plan-test", new HashSet<string> { Roles.Administrator }, null, new HashSet<int>());
        capture.Commands.Clear();

        foreach (var filter in new[]
                 {
                     new DashboardFilter(null, 2021),
                     new DashboardFilter(south, 2021),
                     new DashboardFilter(south, 2021, province.RegionId, province.Id, EstablishmentType.ISTA, sector, TrainingLevel.Technician, IncludeSubmitted: true),
                 })
        {
            await dashboards.BuildAsync(admin, filter);
            await dashboards.OptionsAsync(admin, filter, withDirectorates: true);
        }

        var offending = new List<string>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var (sql, parameters) in capture.Commands.Distinct())
        {
            var aliases = TableAlias().Matches(sql).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal);
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var detail = reader.GetString(3);
                var scan = PlainScan().Match(detail);
                if (scan.Success && LargeTables.Contains(aliases.GetValueOrDefault(scan.Groups[1].Value, scan.Groups[1].Value)))
                {
                    offending.Add($"{detail}\n{sql}");
                }
            }
        }

        Assert.True(capture.Commands.Count >= 10, $"Only {capture.Commands.Count} commands captured");
        Assert.True(offending.Count == 0, string.Join("\n\n", offending.Distinct()));
    }

    /// <summary>"Table" AS alias, as EF Core writes its FROM and JOIN clauses for SQLite.</summary>
    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex TableAlias();

    /// <summary>A scan that uses no index at all (SQLite writes "SCAN x USING [COVERING] INDEX …" otherwise).</summary>
    [GeneratedRegex("^SCAN (\\w+)$")]
    private static partial Regex PlainScan();

    private sealed class CapturingInterceptor : DbCommandInterceptor
    {
        public ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
