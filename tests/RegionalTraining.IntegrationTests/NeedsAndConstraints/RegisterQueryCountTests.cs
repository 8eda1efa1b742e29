using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.IntegrationTests.NeedsAndConstraints;

/// <summary>
/// The register page's and the overview's reads on the synthetic set: the same number of SQL commands for 10 and for
/// 200 establishments, and the overview's figures on a register built here so every number is known.
/// </summary>
public sealed class RegisterQueryCountTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly CountingInterceptor _counter = new();
    private readonly LocalCalendar _calendar = new(TimeProvider.System, LocalCalendar.Morocco());

    public RegisterQueryCountTests() => _connection.Open();

    private AppDbContext NewContext() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(_connection).AddInterceptors(new AuditInterceptor(SystemUser.Instance, TimeProvider.System), _counter).Options);

    private static AccessScope StaffOf(int directorateId) => new("u", new HashSet<string> { Roles.DirectorateStaff }, directorateId, new HashSet<int>());

    /// <summary>A fresh synthetic directorate of <paramref name="establishments"/> establishments, three yearly sheets each (with their items).</summary>
    private async Task<int> SeedAsync(int establishments)
    {
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
        await db.Database.EnsureCreatedAsync();
        db.Programmes.Add(new Programme { Code = "P", NameFr = "P", NameAr = "ش", Sector = new Sector { Code = "S", NameFr = "S", NameAr = "ق" }, Level = TrainingLevel.Technician });
        await db.SaveChangesAsync();
        await new SyntheticDataGenerator(db, NullLogger<SyntheticDataGenerator>.Instance).GenerateAsync(new SyntheticDataOptions(1, establishments, 3, 7), 2026);
        return await db.Directorates.Select(d => d.Id).SingleAsync();
    }

    /// <summary>The overview as the portal builds it, partners' coverage included (its commands count too).</summary>
    private RegisterOverviewService Overview(AppDbContext db) =>
        new(db, _calendar, new RegionalTraining.Core.Cooperation.CooperationService(db, SystemUser.Instance, TimeProvider.System, NullLogger<RegionalTraining.Core.Cooperation.CooperationService>.Instance));

    /// <summary>The commands the register page (its list sorted by establishment, second page, its filters' choices and recurring groups) and the overview send.</summary>
    private async Task<(int Register, int Overview, int Items)> CountAsync(int directorateId)
    {
        await using var db = NewContext();
        var register = new FollowUpService(db, SystemUser.Instance, _calendar, null!, NullLogger<FollowUpService>.Instance);
        _counter.Reset();
        var built = await new RegisterPageService(register, new ReferenceDataService(db, NullLogger<ReferenceDataService>.Instance))
            .BuildAsync(StaffOf(directorateId), new RegisterFilter(directorateId, Sort: RegisterSort.Establishment, Page: 2));
        var page = built.Value!.Result;
        var registerCommands = _counter.Count;
        _counter.Reset();
        var overview = await Overview(db).BuildAsync(StaffOf(directorateId), new RegisterOverviewFilter(directorateId));
        Assert.Equal(page.TotalCount, overview.Value!.Raised);
        Assert.NotEmpty(page.Items);
        return (registerCommands, _counter.Count, page.TotalCount);
    }

    [Fact]
    public async Task RegisterAndOverview_On10And200Establishments_SendTheSameNumberOfCommands()
    {
        var small = await CountAsync(await SeedAsync(10));
        var large = await CountAsync(await SeedAsync(200));

        Assert.True(large.Items > 5 * small.Items, $"{large.Items} items against {small.Items}: the large set must be much larger");
        Assert.Equal(small.Register, large.Register);
        Assert.Equal(small.Overview, large.Overview);
        Assert.InRange(large.Register, 2, 8);
        Assert.InRange(large.Overview, 2, 8); // four for the register, three for the partners' coverage
    }

    [Fact]
    public async Task Search_SortedByEstablishment_PagesInTheDatabaseWithoutGapsOrRepeats()
    {
        var directorateId = await SeedAsync(10);
        await using var db = NewContext();
        var register = new FollowUpService(db, SystemUser.Instance, _calendar, null!, NullLogger<FollowUpService>.Instance);

        var pages = new List<RegisterRow>();
        for (var page = 1; page <= 3; page++)
        {
            pages.AddRange((await register.SearchAsync(StaffOf(directorateId), new RegisterFilter(directorateId, Sort: RegisterSort.Establishment, Page: page, PageSize: 20))).Value!.Items);
        }

        Assert.Equal(60, pages.Select(r => r.Key).Distinct().Count());
        Assert.Equal(pages.Select(r => r.EstablishmentFr).Order(StringComparer.Ordinal), pages.Select(r => r.EstablishmentFr));
    }

    [Fact]
    public async Task Overview_CountsResolutionRateMedianOverdueByOwnerAndOpenCost()
    {
        var directorateId = await SeedAsync(2);
        await using (var db = NewContext())
        {
            // A clean register of five items on the first establishment: the synthetic items go, known ones come.
            db.Needs.RemoveRange(db.Needs);
            db.Constraints.RemoveRange(db.Constraints);
            await db.SaveChangesAsync();
            var establishment = await db.Establishments.Select(e => e.Id).FirstAsync();
            var today = _calendar.Today;
            var raised = _calendar.Today; // the Moroccan day the items are raised on (the median counts from it)
            db.Needs.Add(new Need { EstablishmentId = establishment, Description = "a", Status = FollowUpStatus.Closed, OutcomeOn = raised.AddDays(4), EstimatedCostMad = 999 });
            db.Needs.Add(new Need { EstablishmentId = establishment, Description = "b", Status = FollowUpStatus.Resolved, OutcomeOn = raised.AddDays(10) });
            db.Needs.Add(new Need { EstablishmentId = establishment, Description = "c", Status = FollowUpStatus.InProgress, Owner = ItemOwner.Directorate, DueOn = today.AddDays(-1), EstimatedCostMad = 1500 });
            db.Needs.Add(new Need { EstablishmentId = establishment, Description = "d", Status = FollowUpStatus.Raised });
            db.Constraints.Add(new Constraint { EstablishmentId = establishment, Description = "e", Status = FollowUpStatus.InProgress, Owner = ItemOwner.NationalOffice, DueOn = today.AddDays(-3) });
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var overview = (await Overview(read).BuildAsync(StaffOf(directorateId), new RegisterOverviewFilter(directorateId))).Value!;

        Assert.Equal(5, overview.Raised);
        Assert.Equal(40m, overview.ResolutionRate);
        Assert.Equal(7, overview.MedianDaysToResolve);
        Assert.Equal(1, overview.OverdueByOwner[ItemOwner.Directorate]);
        Assert.Equal(1, overview.OverdueByOwner[ItemOwner.NationalOffice]);
        Assert.Equal(1500m, overview.OpenNeedsCostMad);
        Assert.Equal(1, overview.OpenNeedsWithoutCost);
        Assert.Equal(2, overview.ByStatus[FollowUpStatus.InProgress]);
        Assert.Equal(5, Assert.Single(overview.ByProvince).Total);
    }

    [Fact]
    public async Task Overview_ForAnotherDirectoratesStaff_IsNotFound()
    {
        var directorateId = await SeedAsync(2);
        await using var db = NewContext();

        var result = await Overview(db).BuildAsync(StaffOf(directorateId + 1), new RegisterOverviewFilter(directorateId));

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    public void Dispose() => _connection.Dispose();

    private sealed class CountingInterceptor : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public void Reset() => Count = 0;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
