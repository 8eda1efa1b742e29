using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>The session rules on a real SQLite database with a clock the test moves.</summary>
public sealed class UserSessionsTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly UserSessionOptions _options = new() { IdleTimeout = TimeSpan.FromHours(8), TouchInterval = TimeSpan.FromMinutes(5) };
    private AppDbContext _db = null!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection)
            .AddInterceptors(new AuditInterceptor(SystemUser.Instance, _clock)).Options);
        await _db.Database.EnsureCreatedAsync();
        _db.Users.Add(new ApplicationUser { Id = "u1", UserName = "u1@test", Email = "u1@test", SecurityStamp = "stamp-1" });
        _db.Users.Add(new ApplicationUser { Id = "u2", UserName = "u2@test", Email = "u2@test", SecurityStamp = "stamp-2" });
        await _db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private UserSessions Sessions => new(_db, _clock, _options, new SignedInRequest(), NullLogger<UserSessions>.Instance);

    [Fact]
    public async Task OpenSession_LeavesTheScopeAndTheUnreadCountOfItsQueryForTheRequest()
    {
        var id = await Sessions.StartAsync("u1", "stamp-1", false, "Firefox", "10.0.0.1");
        _db.Notifications.Add(new RegionalTraining.Core.Notifications.Notification { UserId = "u1", MessageKey = "k", CreatedAtUtc = _clock.GetUtcNow().UtcDateTime });
        _db.Notifications.Add(new RegionalTraining.Core.Notifications.Notification { UserId = "u2", MessageKey = "k", CreatedAtUtc = _clock.GetUtcNow().UtcDateTime });
        await _db.SaveChangesAsync();
        var signedIn = new SignedInRequest();

        Assert.True(await new UserSessions(_db, _clock, _options, signedIn, NullLogger<UserSessions>.Instance).IsOpenAsync(id, "u1"));

        Assert.Equal("u1", signedIn.ScopeFor("u1")!.UserId);
        Assert.Null(signedIn.ScopeFor("u2"));
        Assert.Equal(1, signedIn.UnreadNoticesFor("u1"));
        Assert.NotNull(signedIn.FiguresStamp);
    }

    [Fact]
    public async Task EndedSession_LeavesNothingForTheRequest()
    {
        var id = await Sessions.StartAsync("u1", "stamp-1", false, "Firefox", "10.0.0.1");
        await Sessions.EndAsync("u1", id);
        var signedIn = new SignedInRequest();

        Assert.False(await new UserSessions(_db, _clock, _options, signedIn, NullLogger<UserSessions>.Instance).IsOpenAsync(id, "u1"));

        Assert.Null(signedIn.ScopeFor("u1"));
        Assert.Null(signedIn.UnreadNoticesFor("u1"));
    }

    [Fact]
    public async Task Session_UsedWithinTheIdleTimeout_StaysOpen()
    {
        var id = await Sessions.StartAsync("u1", "stamp-1", false, "Firefox", "10.0.0.1");

        _clock.Advance(TimeSpan.FromHours(7));
        var afterSeven = await Sessions.IsOpenAsync(id, "u1");
        _clock.Advance(TimeSpan.FromHours(7));

        Assert.True(afterSeven);
        Assert.True(await Sessions.IsOpenAsync(id, "u1"));
    }

    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_IsOver()
    {
        var id = await Sessions.StartAsync("u1", "stamp-1", false, null, null);

        _clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1));

        Assert.False(await Sessions.IsOpenAsync(id, "u1"));
        Assert.Empty(await Sessions.ListOpenAsync("u1"));
    }

    [Fact]
    public async Task Session_AfterTheAccountsStampChanged_IsOver()
    {
        var id = await Sessions.StartAsync("u1", "stamp-1", false, null, null);

        await _db.Users.Where(u => u.Id == "u1").ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, "stamp-1b"));

        Assert.False(await Sessions.IsOpenAsync(id, "u1"));
    }

    [Fact]
    public async Task Session_OfADisabledAccount_IsOver()
    {
        var id = await Sessions.StartAsync("u1", "stamp-1", false, null, null);

        await _db.Users.Where(u => u.Id == "u1").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));

        Assert.False(await Sessions.IsOpenAsync(id, "u1"));
    }

    [Fact]
    public async Task Session_PresentedForAnotherUser_IsRefused()
    {
        var id = await Sessions.StartAsync("u1", "stamp-1", false, null, null);

        Assert.False(await Sessions.IsOpenAsync(id, "u2"));
        Assert.Equal(ResultStatus.NotFound, (await Sessions.EndAsync("u2", id)).Status);
        Assert.True(await Sessions.IsOpenAsync(id, "u1"));
    }

    [Fact]
    public async Task LastSeen_IsWrittenAtMostOncePerTouchInterval()
    {
        var id = await Sessions.StartAsync("u1", "stamp-1", false, null, null);
        var started = _clock.GetUtcNow().UtcDateTime;

        _clock.Advance(TimeSpan.FromMinutes(4));
        await Sessions.IsOpenAsync(id, "u1");
        var early = await _db.UserSessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.LastSeenAtUtc).SingleAsync();
        _clock.Advance(TimeSpan.FromMinutes(2));
        await Sessions.IsOpenAsync(id, "u1");
        var later = await _db.UserSessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.LastSeenAtUtc).SingleAsync();

        Assert.Equal(started, early);
        Assert.Equal(started.AddMinutes(6), later);
    }

    [Fact]
    public async Task EndAll_KeepsOnlyTheSessionAskedFor()
    {
        var keep = await Sessions.StartAsync("u1", "stamp-1", false, null, null);
        var other = await Sessions.StartAsync("u1", "stamp-1", true, null, null);
        var someoneElse = await Sessions.StartAsync("u2", "stamp-2", false, null, null);

        var ended = await Sessions.EndAllAsync("u1", keep);

        Assert.Equal(1, ended);
        Assert.True(await Sessions.IsOpenAsync(keep, "u1"));
        Assert.False(await Sessions.IsOpenAsync(other, "u1"));
        Assert.True(await Sessions.IsOpenAsync(someoneElse, "u2"));
    }
}
