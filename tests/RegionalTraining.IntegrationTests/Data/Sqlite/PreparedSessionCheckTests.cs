using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Sqlite;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.IntegrationTests.Data.Sqlite;

/// <summary>
/// The session check runs on a statement kept prepared on its connection (docs/decisions/0036): each request gets its
/// own session's answer, and a connection that closed starts a new statement.
/// </summary>
public sealed class PreparedSessionCheckTests : IAsyncLifetime
{
    private PortalCoreServices _portal = null!;
    private string _first = null!;
    private string _second = null!;
    private string _longer = null!;

    /// <summary>An account id longer than the others (Identity's are GUIDs; accounts made by a script may not be).</summary>
    private const string LongerId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    public async Task InitializeAsync()
    {
        _portal = await PortalCoreServices.StartAsync();
        await using (var db = _portal.OtherConnection())
        {
            db.Users.Add(new ApplicationUser { Id = "u1", UserName = "u1@test", Email = "u1@test", SecurityStamp = "stamp-1" });
            db.Users.Add(new ApplicationUser { Id = "u2", UserName = "u2@test", Email = "u2@test", SecurityStamp = "stamp-2" });
            db.Users.Add(new ApplicationUser { Id = LongerId, UserName = "u3@test", Email = "u3@test", SecurityStamp = "stamp-3" });
            var now = _portal.Clock.GetUtcNow().UtcDateTime;
            db.Notifications.AddRange(
                new Notification { UserId = "u1", MessageKey = "k", CreatedAtUtc = now },
                new Notification { UserId = "u2", MessageKey = "k", CreatedAtUtc = now },
                new Notification { UserId = "u2", MessageKey = "k", CreatedAtUtc = now });
            await db.SaveChangesAsync();
        }

        _first = await _portal.InRequestAsync(s => s.GetRequiredService<IUserSessions>().StartAsync("u1", "stamp-1", false, null, null));
        _second = await _portal.InRequestAsync(s => s.GetRequiredService<IUserSessions>().StartAsync("u2", "stamp-2", false, null, null));
        _longer = await _portal.InRequestAsync(s => s.GetRequiredService<IUserSessions>().StartAsync(LongerId, "stamp-3", false, null, null));
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private PreparedSessionCheck Statement => _portal.Provider.GetRequiredService<PreparedSessionCheck>();

    /// <summary>One request's session check: whether it passed, and the unread count it left for the page.</summary>
    private Task<(bool Open, int? Unread)> CheckAsync(string sessionId, string userId) =>
        _portal.InRequestAsync(async services =>
        {
            var open = await services.GetRequiredService<IUserSessions>().IsOpenAsync(sessionId, userId);
            return (open, services.GetRequiredService<SignedInRequest>().UnreadNoticesFor(userId));
        });

    [Fact]
    public async Task SessionChecks_OnOneConnectionKeptOpen_PrepareOnceAndAnswerEachForItsOwnSession()
    {
        var first = await CheckAsync(_first, "u1");
        var second = await CheckAsync(_second, "u2");
        var crossed = await CheckAsync(_first, "u2");

        Assert.Equal((true, 1), first);
        Assert.Equal((true, 2), second);
        Assert.Equal((false, null), crossed);
        Assert.Equal(1, Statement.Prepared);
    }

    [Fact]
    public async Task SessionCheck_OfALongerAccountIdThanTheCheckThatPreparedTheStatement_FindsItsSession()
    {
        // The statement's parameters were once copied with the first command's sizes, and Microsoft.Data.Sqlite cuts a
        // string to its parameter's size: a longer id was then looked up cut short, and its session refused.
        var first = await CheckAsync(_first, "u1");
        var longer = await CheckAsync(_longer, LongerId);

        Assert.Equal((true, 1), first);
        Assert.Equal((true, 0), longer);
        Assert.Equal(1, Statement.Prepared);
    }

    [Fact]
    public async Task SessionCheck_AfterItsConnectionClosedForATransactionLeftOpen_PreparesANewStatementThatStillAnswers()
    {
        Assert.True((await CheckAsync(_first, "u1")).Open);
        await _portal.InRequestAsync(db => db.Database.ExecuteSqlRawAsync("BEGIN"));

        var again = await CheckAsync(_first, "u1");

        Assert.Equal((true, 1), again);
        Assert.Equal(2, Statement.Prepared);
    }

    [Fact]
    public async Task SessionCheck_SeesASessionEndedElsewhereSinceThePreviousRequest()
    {
        Assert.True((await CheckAsync(_first, "u1")).Open);
        await using (var other = _portal.OtherConnection())
        {
            await other.UserSessions.Where(s => s.Id == _first)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, _portal.Clock.GetUtcNow().UtcDateTime));
        }

        Assert.Equal((false, null), await CheckAsync(_first, "u1"));
        Assert.Equal(1, Statement.Prepared);
    }
}
