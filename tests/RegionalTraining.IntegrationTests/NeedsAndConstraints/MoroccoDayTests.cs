using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.IntegrationTests.NeedsAndConstraints;

/// <summary>
/// The register counts Morocco's calendar days: an item raised at 23:30 UTC on 1 December 2026 (Morocco at UTC+1) was
/// raised on 2 December for the overview's period, its raised day, its age and the median days to resolve.
/// </summary>
public sealed class MoroccoDayTests : IDisposable
{
    private static readonly DateTimeOffset RaisedAt = new(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(RaisedAt);
    private readonly LocalCalendar _calendar;

    public MoroccoDayTests()
    {
        _connection.Open();
        _calendar = new LocalCalendar(_clock, LocalCalendar.Morocco());
    }

    private AppDbContext NewContext() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(_connection).AddInterceptors(new AuditInterceptor(SystemUser.Instance, _clock)).Options);

    private static AccessScope StaffOf(int directorateId) => new("u", new HashSet<string> { Roles.DirectorateStaff }, directorateId, new HashSet<int>());

    /// <summary>One directorate whose register holds only a need raised at <see cref="RaisedAt"/> and resolved on 5 December.</summary>
    private async Task<int> SeedAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        db.Programmes.Add(new Programme { Code = "P", NameFr = "P", NameAr = "ش", Sector = new Sector { Code = "S", NameFr = "S", NameAr = "ق" }, Level = TrainingLevel.Technician });
        await db.SaveChangesAsync();
        await new SyntheticDataGenerator(db, NullLogger<SyntheticDataGenerator>.Instance).GenerateAsync(new SyntheticDataOptions(1, 1, 1, 7), 2026);
        db.Needs.RemoveRange(db.Needs);
        db.Constraints.RemoveRange(db.Constraints);
        await db.SaveChangesAsync();
        _clock.SetUtcNow(RaisedAt);
        var establishment = await db.Establishments.Select(e => e.Id).FirstAsync();
        db.Needs.Add(new Need { EstablishmentId = establishment, Description = "late evening", Status = FollowUpStatus.Resolved, OutcomeOn = new DateOnly(2026, 12, 5) });
        await db.SaveChangesAsync();
        return await db.Directorates.Select(d => d.Id).SingleAsync();
    }

    private async Task<RegisterOverview> OverviewAsync(int directorate, DateOnly? from, DateOnly? to)
    {
        await using var db = NewContext();
        var cooperation = new RegionalTraining.Core.Cooperation.CooperationService(db, SystemUser.Instance, _clock, NullLogger<RegionalTraining.Core.Cooperation.CooperationService>.Instance);
        return (await new RegisterOverviewService(db, _calendar, cooperation).BuildAsync(StaffOf(directorate), new RegisterOverviewFilter(directorate, from, to))).Value!;
    }

    [Fact]
    public void Calendar_At2330Utc_IsAlreadyTheNextMoroccanDay_AndThatDayStartsAt2300Utc()
    {
        Assert.Equal(new DateOnly(2026, 12, 2), _calendar.DayOf(RaisedAt.UtcDateTime));
        Assert.Equal(new DateOnly(2026, 12, 1), _calendar.DayOf(RaisedAt.UtcDateTime.AddHours(-1)));
        Assert.Equal(new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc), _calendar.StartOfDayUtc(new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public async Task Overview_PeriodOfTheMoroccanDay_CountsTheItem_AndThePreviousDayDoesNot()
    {
        var directorate = await SeedAsync();

        Assert.Equal(1, (await OverviewAsync(directorate, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2))).Raised);
        Assert.Equal(0, (await OverviewAsync(directorate, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1))).Raised);
        Assert.Equal(0, (await OverviewAsync(directorate, null, new DateOnly(2026, 12, 1))).Raised);
        Assert.Equal(1, (await OverviewAsync(directorate, new DateOnly(2026, 12, 2), null)).Raised);
    }

    [Fact]
    public async Task Overview_MedianDays_CountFromTheMoroccanRaisedDay()
    {
        var directorate = await SeedAsync();

        // 2 to 5 December: three days (the UTC day, 1 December, would say four).
        Assert.Equal(3, (await OverviewAsync(directorate, null, null)).MedianDaysToResolve);
    }

    [Fact]
    public async Task Register_RaisedDayAndAge_AreMoroccanDays()
    {
        var directorate = await SeedAsync();
        await using var db = NewContext();
        var register = new FollowUpService(db, SystemUser.Instance, _calendar, null!, NullLogger<FollowUpService>.Instance);

        // 23:10 UTC on 3 December is 4 December in Morocco: two calendar days after the item was raised.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 23, 10, 0, TimeSpan.Zero));
        var row = Assert.Single((await register.SearchAsync(StaffOf(directorate), new RegisterFilter(directorate))).Value!.Items);
        var twoDaysOld = (await register.SearchAsync(StaffOf(directorate), new RegisterFilter(directorate, MinAgeDays: 2))).Value!.TotalCount;
        var threeDaysOld = (await register.SearchAsync(StaffOf(directorate), new RegisterFilter(directorate, MinAgeDays: 3))).Value!.TotalCount;

        Assert.Equal(new DateOnly(2026, 12, 2), row.RaisedOn);
        Assert.Equal(2, row.AgeDays);
        Assert.Equal(1, twoDaysOld);
        Assert.Equal(0, threeDaysOld);
    }

    public void Dispose() => _connection.Dispose();
}
