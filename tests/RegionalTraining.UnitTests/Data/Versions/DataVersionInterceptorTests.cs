using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Versions;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.UnitTests.Data.Versions;

/// <summary>
/// Each data area is renewed by the changes of the entity types it declares, and by no other
/// (docs/decisions/0016-data-versions.md). Real SQLite, in memory.
/// </summary>
public sealed class DataVersionInterceptorTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingListener _listener = new();

    public DataVersionInterceptorTests()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    private AppDbContext NewContext() => new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection)
        .AddInterceptors(new AuditInterceptor(SystemUser.Instance, _clock), new DataVersionInterceptor(_clock, [_listener])).Options);

    private static IReadOnlyList<DataArea> Affected(AppDbContext db) => DataAreas.Affected(db).Order().ToList();

    [Fact]
    public void MeetingChanged_RenewsThePublicArchiveOnly()
    {
        using var db = NewContext();
        db.Attach(new Meeting { Id = 1, TitleFr = "Réunion", TitleAr = "اجتماع", Slug = "reunion" }).Property(m => m.TitleFr).IsModified = true;

        Assert.Equal([DataArea.PublicArchive], Affected(db));
    }

    [Fact]
    public void SectorAdded_RenewsTheFiguresOnly()
    {
        using var db = NewContext();
        db.Add(new Sector { Code = "AGRI", NameFr = "Agriculture", NameAr = "الفلاحة" });

        Assert.Equal([DataArea.Figures], Affected(db));
    }

    [Fact]
    public void EstablishmentRenamed_RenewsBoth_OtherChangeRenewsTheFiguresOnly()
    {
        using var renamed = NewContext();
        renamed.Attach(Establishment()).Property(e => e.NameFr).IsModified = true;
        using var closed = NewContext();
        closed.Attach(Establishment()).Property(e => e.IsActive).IsModified = true;

        Assert.Equal([DataArea.PublicArchive, DataArea.Figures], Affected(renamed));
        Assert.Equal([DataArea.Figures], Affected(closed));
    }

    [Fact]
    public void ProfileRowsUntouched_NothingRenewed()
    {
        using var db = NewContext();
        db.Attach(Profile(ProfileStatus.Draft));
        db.Attach(new ProfileSectionState { ProfileId = 7, Section = ProfileSection.General }).Property(s => s.Version).IsModified = true;

        Assert.Empty(Affected(db));
    }

    [Theory]
    [InlineData(ProfileStatus.Draft)]
    [InlineData(ProfileStatus.Returned)]
    public void DraftSectionSaved_RenewsNothing(ProfileStatus status)
    {
        using var db = NewContext();
        var profile = db.Attach(Profile(status));
        profile.Property(p => p.PermanentTrainers).IsModified = true;
        db.Attach(new ProfileProgramme { Id = 3, ProfileId = 7 }).Property(r => r.FirstYearTrainees).IsModified = true;
        db.Add(new ProfileProgramme { ProfileId = 7 });
        db.Attach(new Need { Id = 4, ProfileId = 7, Description = "Atelier" }).Property(n => n.Priority).IsModified = true;
        db.Attach(new Constraint { Id = 5, ProfileId = 7, Description = "Toiture" }).Property(c => c.Severity).IsModified = true;

        Assert.Empty(Affected(db));
    }

    [Theory]
    [InlineData(ProfileStatus.Draft, ProfileStatus.Submitted)]
    [InlineData(ProfileStatus.Submitted, ProfileStatus.Approved)]
    [InlineData(ProfileStatus.Approved, ProfileStatus.Returned)]
    [InlineData(ProfileStatus.Submitted, ProfileStatus.Returned)]
    public void StatusChanged_RenewsTheFigures(ProfileStatus from, ProfileStatus to)
    {
        using var db = NewContext();
        db.Attach(Profile(from)).Entity.Status = to;

        Assert.Equal([DataArea.Figures], Affected(db));
    }

    [Theory]
    [InlineData(ProfileStatus.Submitted)]
    [InlineData(ProfileStatus.Approved)]
    public void CountedSheetsData_RenewsTheFigures(ProfileStatus status)
    {
        using var fields = NewContext();
        fields.Attach(Profile(status)).Property(p => p.PermanentTrainers).IsModified = true;
        using var row = NewContext();
        row.Attach(Profile(status));
        row.Attach(new ProfileProgramme { Id = 3, ProfileId = 7 }).Property(r => r.FirstYearTrainees).IsModified = true;

        Assert.Equal([DataArea.Figures], Affected(fields));
        Assert.Equal([DataArea.Figures], Affected(row));
    }

    [Fact]
    public void RowOfASheetNotInTheSave_RenewsTheFigures()
    {
        using var db = NewContext();
        db.Attach(new ProfileProgramme { Id = 3, ProfileId = 7 }).Property(r => r.FirstYearTrainees).IsModified = true;

        Assert.Equal([DataArea.Figures], Affected(db));
    }

    [Fact]
    public void NeedOfADraftRedescribed_RenewsThePublicArchiveOnly()
    {
        using var db = NewContext();
        db.Attach(Profile(ProfileStatus.Draft));
        db.Attach(new Need { Id = 4, ProfileId = 7, Description = "Atelier" }).Property(n => n.Description).IsModified = true;

        Assert.Equal([DataArea.PublicArchive], Affected(db));
    }

    [Fact]
    public void NeedMovedOutOfACountedSheet_RenewsTheFigures()
    {
        using var db = NewContext();
        db.Attach(Profile(ProfileStatus.Approved));
        var need = db.Attach(new Need { Id = 4, ProfileId = 7, Description = "Atelier" });
        need.Entity.ProfileId = null;

        Assert.Equal([DataArea.Figures], Affected(db));
    }

    [Fact]
    public async Task Save_RenewsTheAffectedRowInTheSameSave_AndTellsTheListeners()
    {
        var before = await StampsAsync();
        await using (var db = NewContext())
        {
            db.Add(new Sector { Code = "AGRI", NameFr = "Agriculture", NameAr = "الفلاحة" });
            await db.SaveChangesAsync();
        }

        var after = await StampsAsync();
        Assert.Equal(before[DataArea.PublicArchive], after[DataArea.PublicArchive]);
        Assert.NotEqual(before[DataArea.Figures].Stamp, after[DataArea.Figures].Stamp);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, after[DataArea.Figures].ChangedAtUtc);
        Assert.Equal([DataArea.Figures], _listener.Changed);
    }

    [Fact]
    public async Task TwoChangesInOneSecond_MoveTheChangeTimeBySecondsStill()
    {
        await using var db = NewContext();
        db.Add(new Sector { Code = "AGRI", NameFr = "Agriculture", NameAr = "الفلاحة" });
        await db.SaveChangesAsync();
        db.Add(new Sector { Code = "BTP", NameFr = "Bâtiment", NameAr = "البناء" });
        await db.SaveChangesAsync();

        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddSeconds(1), (await StampsAsync())[DataArea.Figures].ChangedAtUtc);
    }

    private async Task<Dictionary<DataArea, DataStamp>> StampsAsync()
    {
        // Read plainly: DataVersions.CurrentAsync is a compiled query, bound to the first model it meets in the process,
        // and each test here builds its own.
        await using var db = NewContext();
        return await db.DataVersions.AsNoTracking().ToDictionaryAsync(v => v.Area, v => new DataStamp(v.Stamp, v.ChangedAtUtc));
    }

    private static Establishment Establishment() => new() { Id = 2, Code = "ITA-TAN-TAN", NameFr = "ITA Tan-Tan", NameAr = "معهد طانطان" };

    private static EstablishmentProfile Profile(ProfileStatus status) => new() { Id = 7, EstablishmentId = 2, TrainingYearId = 1, Status = status };

    private sealed class RecordingListener : IDataChangeListener
    {
        public List<DataArea> Changed { get; } = [];

        public Task DataChangedAsync(DataArea area, CancellationToken cancellationToken)
        {
            Changed.Add(area);
            return Task.CompletedTask;
        }
    }
}
