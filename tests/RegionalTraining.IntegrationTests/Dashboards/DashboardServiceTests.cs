using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Dashboards;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.IntegrationTests.Dashboards;

/// <summary>The dashboard's figures on a database of its own, built here so every expected number is known.</summary>
public sealed class DashboardServiceTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly CountingInterceptor _counter = new();

    public DashboardServiceTests() => _connection.Open();

    private AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new AuditInterceptor(SystemUser.Instance, TimeProvider.System), _counter)
            .Options;
        return new AppDbContext(options);
    }

    private static readonly AccessScope Staff = new("u", new HashSet<string> { Roles.DirectorateStaff }, 1, new HashSet<int>());

    /// <summary>A directorate with <paramref name="establishments"/> establishments over two provinces, each with an approved profile for 2025 and 2024.</summary>
    private async Task SeedAsync(int establishments)
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        var directorate = new Directorate { Code = "DR", NameFr = "DR", NameAr = "م" };
        var region = new Region { Code = "R", NameFr = "Région", NameAr = "جهة", Directorate = directorate };
        var provinces = new[] { new Province { Code = "P1", NameFr = "Province 1", NameAr = "إقليم 1", Region = region }, new Province { Code = "P2", NameFr = "Province 2", NameAr = "إقليم 2", Region = region } };
        var sector = new Sector { Code = "S", NameFr = "Secteur", NameAr = "قطاع" };
        var programme = new Programme { Code = "PG", NameFr = "Filière", NameAr = "شعبة", Sector = sector, Level = TrainingLevel.Technician };
        var years = new[] { new TrainingYear { Code = "2024-2025", StartYear = 2024 }, new TrainingYear { Code = "2025-2026", StartYear = 2025 } };
        db.AddRange(provinces);
        db.Add(programme);
        db.AddRange(years);
        for (var i = 0; i < establishments; i++)
        {
            var e = new Establishment { Code = $"E{i}", NameFr = $"Établissement {i}", NameAr = $"مؤسسة {i}", Type = i % 2 == 0 ? EstablishmentType.ISTA : EstablishmentType.CFP, Province = provinces[i % 2] };
            db.Add(e);
            foreach (var year in years)
            {
                var profile = new EstablishmentProfile
                {
                    Establishment = e, TrainingYear = year, Status = ProfileStatus.Approved, PermanentTrainers = 4, BoardingPlaces = 10,
                    Programmes = [new ProfileProgramme { Programme = programme, Groups = 2, Capacity = 50, FirstYearTrainees = year.StartYear == 2025 ? 30 : 20, FirstYearWomen = 12, SecondYearTrainees = 10, SecondYearWomen = 4 }],
                };
                db.Add(profile);
                db.Add(new Need { Establishment = e, Profile = profile, Description = "PC", Category = NeedCategory.Digital, Priority = Priority.High, EstimatedCostMad = 1000 });
            }
        }

        // A submitted (not yet approved) sheet counts only when asked to.
        var draftOwner = new Establishment { Code = "EDRAFT", NameFr = "Brouillon", NameAr = "مسودة", Type = EstablishmentType.CQP, Province = provinces[0] };
        db.Add(new EstablishmentProfile { Establishment = draftOwner, TrainingYear = years[1], Status = ProfileStatus.Submitted, PermanentTrainers = 100, Programmes = [new ProfileProgramme { Programme = programme, Capacity = 500, FirstYearTrainees = 400 }] });
        await db.SaveChangesAsync();
    }

    private async Task<Dashboard> BuildAsync(DashboardFilter filter)
    {
        await using var db = NewContext();
        return await new DashboardService(db).BuildAsync(Staff, filter);
    }

    [Fact]
    public async Task Build_CountsApprovedProfilesOfTheYearAndComparesWithTheYearBefore()
    {
        await SeedAsync(4);

        var dashboard = await BuildAsync(new DashboardFilter(1, 2025));

        Assert.Equal(5, dashboard.Current.Establishments);
        Assert.Equal(4, dashboard.Current.Profiles);
        Assert.Equal(4 * 40, dashboard.Current.Trainees);
        Assert.Equal(4 * 16, dashboard.Current.TraineesWomen);
        Assert.Equal(40m, dashboard.Current.WomenShare);
        Assert.Equal(16, dashboard.Current.Trainers);
        Assert.Equal(10m, dashboard.Current.TraineesPerTrainer);
        Assert.Equal(80m, dashboard.Current.CapacityUse);
        Assert.Equal(4 * 30, dashboard.Previous.Trainees);
        Assert.Equal(2, dashboard.ByProvince.Count);
        Assert.Equal(80, dashboard.ByProvince.Single(p => p.LabelFr == "Province 1").Trainees);
        Assert.Equal(80, dashboard.ByType.Single(t => t.Key == "ISTA").Trainees);
        Assert.Equal(160, dashboard.BySector.Single().Trainees);
        Assert.Equal(4, dashboard.NeedsByCategory.Single(n => n.Key == "Digital").Count);
        Assert.Equal(4000m, dashboard.NeedsByCategory.Single().Cost);
    }

    [Fact]
    public async Task Build_WithSubmittedIncludedAndAProvinceFilter_CountsTheSubmittedOne()
    {
        await SeedAsync(4);

        var dashboard = await BuildAsync(new DashboardFilter(1, 2025, ProvinceId: 1, IncludeSubmitted: true));

        Assert.Equal(3, dashboard.Current.Profiles);
        Assert.Equal(80 + 400, dashboard.Current.Trainees);
    }

    [Fact]
    public async Task Build_ForAnotherDirectorate_IsRefused()
    {
        await SeedAsync(1);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => BuildAsync(new DashboardFilter(2, 2025)));
    }

    [Fact]
    public async Task Build_RunsTheSameNumberOfQueriesForTenOrTwoHundredEstablishments()
    {
        await SeedAsync(10);
        _counter.Reset();
        await BuildAsync(new DashboardFilter(1, 2025));
        var small = _counter.Count;

        await using (var db = NewContext())
        {
            await db.Database.EnsureDeletedAsync();
        }

        await SeedAsync(200);
        _counter.Reset();
        var dashboard = await BuildAsync(new DashboardFilter(1, 2025));

        Assert.Equal(200, dashboard.Current.Profiles);
        Assert.Equal(small, _counter.Count);
        Assert.InRange(small, 5, 25);
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
