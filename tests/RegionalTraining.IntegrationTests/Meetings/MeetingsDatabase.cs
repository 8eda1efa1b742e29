using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Archive;
using RegionalTraining.Core.Meetings.Attachments;
using RegionalTraining.Core.Meetings.Attendance;
using RegionalTraining.Core.Meetings.Decisions;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.Core.Notifications;
using RegionalTraining.Core.Meetings.Planning;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.IntegrationTests.Meetings;

/// <summary>
/// A database of its own on real SQLite (in memory) for the meeting services: two directorates, one establishment
/// each, and one meeting of the first with its establishment invited. Time comes from a fake clock.
/// </summary>
public sealed class MeetingsDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public MeetingsDatabase()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw(RegionalTraining.Core.Search.SqliteSearchSchema.Create);
        var directorates = new[] { new Directorate { Code = "D1", NameFr = "Sud", NameAr = "الجنوب" }, new Directorate { Code = "D2", NameFr = "Nord", NameAr = "الشمال" } };
        var establishments = directorates.Select((d, i) => new Establishment
        {
            Code = $"E{i}", NameFr = $"ISTA {d.NameFr}", NameAr = $"معهد {d.NameAr}", Type = EstablishmentType.ISTA,
            Province = new Province { Code = $"P{i}", NameFr = $"Province {i}", NameAr = $"إقليم {i}", Region = new Region { Code = $"R{i}", NameFr = $"Région {i}", NameAr = $"جهة {i}", Directorate = d } },
        }).ToArray();
        var meeting = new Meeting
        {
            Directorate = directorates[0], TitleFr = "Rencontre des directeurs", TitleAr = "لقاء المديرين", Slug = "2026-03-20-rencontre-des-directeurs",
            StartsOn = new DateOnly(2026, 3, 20), EndsOn = new DateOnly(2026, 3, 20), Invitations = [new MeetingInvitation { Establishment = establishments[0] }],
        };
        db.AddRange(establishments);
        db.Add(meeting);
        db.SaveChanges();
        (DirectorateId, OtherDirectorateId, EstablishmentId, OtherEstablishmentId, MeetingId) =
            (directorates[0].Id, directorates[1].Id, establishments[0].Id, establishments[1].Id, meeting.Id);
        Staff = new AccessScope("staff", new HashSet<string> { Roles.DirectorateStaff }, DirectorateId, new HashSet<int>());
        Regional = new AccessScope("regional", new HashSet<string> { Roles.RegionalDirector }, DirectorateId, new HashSet<int>());
        OtherStaff = new AccessScope("other", new HashSet<string> { Roles.DirectorateStaff }, OtherDirectorateId, new HashSet<int>());
        Director = new AccessScope("director", new HashSet<string> { Roles.EstablishmentDirector }, DirectorateId, new HashSet<int> { EstablishmentId });
    }

    public static readonly AccessScope Administrator = new("admin", new HashSet<string> { Roles.Administrator }, null, new HashSet<int>());

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.Zero));

    public int DirectorateId { get; }

    public int OtherDirectorateId { get; }

    public int EstablishmentId { get; }

    public int OtherEstablishmentId { get; }

    public int MeetingId { get; }

    public AccessScope Staff { get; }

    public AccessScope Regional { get; }

    public AccessScope OtherStaff { get; }

    public AccessScope Director { get; }

    public InMemoryAttachmentStore Files { get; } = new();

    public LocalCalendar Calendar => new(Clock, TimeZoneInfo.Utc);

    /// <param name="racer">An extra interceptor, for a context that races another request (see <see cref="Infrastructure.Interleaving"/>).</param>
    public AppDbContext NewContext(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? racer = null) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(_connection)
        .AddInterceptors(new AuditInterceptor(SystemUser.Instance, Clock), new RegionalTraining.Core.Search.SearchIndexInterceptor())
        .AddInterceptors(racer is null ? [] : [racer])
        .Options);

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var db = NewContext();
        return await action(db);
    }

    // Each call works on a context of its own, as each request does.
    public IMeetingPlanningService Planning() => Planning(NewContext());

    public IAttendanceService Attendance() { var db = NewContext(); return new AttendanceService(db, Access(db)); }

    public IDecisionService Decisions() { var db = NewContext(); return new DecisionService(db, Access(db), SystemUser.Instance, Calendar, NullLogger<DecisionService>.Instance); }

    // Notices are tested through the portal (MeetingTests); here they go nowhere.
    public IMinutesService Minutes() => Minutes(NewContext());

    public IMinutesService Minutes(AppDbContext db) => new MinutesService(db, SystemUser.Instance, Calendar, Mock.Of<INotificationService>(), FollowThrough(db), NullLogger<MinutesService>.Instance);

    /// <summary>Texts come back as their keys and the culture, so a test can see both languages were written.</summary>
    public RegionalTraining.Core.Meetings.FollowThrough.MeetingFollowThroughService FollowThrough(AppDbContext db) => new(db, Calendar, new KeyFormatter());

    public IMeetingArchiveService Archive() => new MeetingArchiveService(NewContext(), Calendar, RegionalTraining.Core.Search.SearchIndex.For(NewContext()));

    public IMeetingAttachmentService Attachments()
    {
        var db = NewContext();
        return new MeetingAttachmentService(db, Access(db), Files, SystemUser.Instance, Calendar, NullLogger<MeetingAttachmentService>.Instance);
    }

    /// <summary>Brings the meeting's minutes to <paramref name="status"/> through the workflow.</summary>
    public async Task SummaryAsync(SummaryStatus status, string bodyFr = "Compte rendu de la rencontre")
    {
        Assert.True((await Minutes().SaveAsync(Staff, MeetingId, new SummaryInput(bodyFr, "محضر اللقاء", null, null), null, null)).Succeeded);
        var steps = new (SummaryStatus Reached, AccessScope By, SummaryAction Action)[]
        {
            (SummaryStatus.InReview, Staff, SummaryAction.SendToReview), (SummaryStatus.Approved, Regional, SummaryAction.Approve), (SummaryStatus.Published, Staff, SummaryAction.Publish),
        };
        foreach (var step in steps.TakeWhile(s => s.Reached <= status))
        {
            Assert.True((await Minutes().TransitionAsync(step.By, MeetingId, step.Action)).Succeeded);
        }
    }

    public void Dispose() => _connection.Dispose();

    public IMeetingPlanningService Planning(AppDbContext db) => new MeetingPlanningService(db, Access(db), FollowThrough(db), NullLogger<MeetingPlanningService>.Instance);

    public MeetingAccess Access(AppDbContext db) => new(db, SystemUser.Instance, Calendar);
}

public sealed class KeyFormatter : IMessageFormatter
{
    public string Format(string messageKey, IReadOnlyList<string> arguments, string culture) => $"[{culture}] {string.Format(System.Globalization.CultureInfo.InvariantCulture, messageKey, [.. arguments])}";

    public string FormatCount(string messageKey, long count, string culture) => Format(messageKey, [count.ToString(System.Globalization.CultureInfo.InvariantCulture)], culture);
}

public sealed class InMemoryAttachmentStore : IAttachmentStore
{
    public Dictionary<string, byte[]> Files { get; } = [];

    public async Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        Files[storedName] = copy.ToArray();
    }

    public Stream? Open(string storedName) => Files.TryGetValue(storedName, out var bytes) ? new MemoryStream(bytes) : null;

    public void Delete(string storedName) => Files.Remove(storedName);
}
