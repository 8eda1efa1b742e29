using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Versions;

namespace RegionalTraining.Core.Accounts;

public sealed class UserSessionOptions
{
    public const string Section = "Security:Sessions";

    /// <summary>A session nobody used for this long is over (the sign-in cookie slides over the same time).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How stale "last seen" may get before a request writes it again: one write per interval, not per request.</summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed record SessionInfo(string Id, DateTime CreatedAtUtc, DateTime LastSeenAtUtc, bool IsPersistent, string? UserAgent, string? Address);

/// <summary>Server-side sessions: started at sign-in, checked on every request, ended by sign-out or by an account change.</summary>
public interface IUserSessions
{
    Task<string> StartAsync(string userId, string securityStamp, bool persistent, string? userAgent, string? address, CancellationToken cancellationToken = default);

    /// <summary>The user re-signed in himself (e.g. after changing his password): the session carries the new stamp.</summary>
    Task<bool> RenewAsync(string sessionId, string userId, string securityStamp, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the session is open and still matches the account's stamp; records when it was last used. When it is,
    /// the same query's access scope, unread notices and figures stamp are left in the request's <see cref="SignedInRequest"/>.
    /// </summary>
    Task<bool> IsOpenAsync(string sessionId, string userId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SessionInfo>> ListOpenAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Ends one session of <paramref name="userId"/>; a session of someone else is left alone (not found).</summary>
    Task<Result> EndAsync(string userId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Ends every open session of the user, except <paramref name="keepSessionId"/> when given.</summary>
    Task<int> EndAllAsync(string userId, string? keepSessionId = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class UserSessions(AppDbContext db, TimeProvider clock, UserSessionOptions options, SignedInRequest signedIn, ILogger<UserSessions> logger) : IUserSessions
{
    /// <summary>Ended sessions are kept this long for the user's list and investigations, then deleted.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public async Task<string> StartAsync(string userId, string securityStamp, bool persistent, string? userAgent, string? address, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var session = new UserSession
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = userId,
            SecurityStamp = securityStamp,
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            IsPersistent = persistent,
            UserAgent = Truncate(userAgent, UserSession.UserAgentMaxLength),
            Address = Truncate(address, UserSession.AddressMaxLength),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        var forgottenBefore = now - Retention;
        await db.UserSessions
            .Where(s => s.UserId == userId && (s.EndedAtUtc < forgottenBefore || s.LastSeenAtUtc < forgottenBefore))
            .ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Session started for user {UserId} from {Address}", userId, session.Address);
        return session.Id;
    }

    public async Task<bool> RenewAsync(string sessionId, string userId, string securityStamp, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var idleSince = now - options.IdleTimeout;
        return await db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAtUtc == null && s.LastSeenAtUtc > idleSince)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SecurityStamp, securityStamp).SetProperty(x => x.LastSeenAtUtc, now), cancellationToken) == 1;
    }

    public async Task<bool> IsOpenAsync(string sessionId, string userId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var session = await ReadSessionAsync(sessionId, userId, cancellationToken);
        if (session is null || !session.Open || session.LastSeenAtUtc <= now - options.IdleTimeout)
        {
            return false;
        }

        var roles = session.Roles is { Length: > 0 } r ? r.Split(ListSeparator).ToHashSet() : [];
        var establishments = session.Establishments is { Length: > 0 } e
            ? e.Split(ListSeparator).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToHashSet()
            : [];
        signedIn.Fill(new AccessScope(userId, roles, session.DirectorateId, establishments),
            session.TwoFactorEnabled, session.UnreadNotices, session.FiguresStamp ?? DataStamp.None.Stamp);
        if (now - session.LastSeenAtUtc >= options.TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now), cancellationToken);
        }

        return true;
    }

    /// <summary>Roles and establishments arrive joined by <see cref="ListSeparator"/>: role names are code constants without one.</summary>
    private sealed record SessionRow(
        DateTime LastSeenAtUtc, bool Open, int? DirectorateId, bool TwoFactorEnabled, string? Roles, string? Establishments,
        int UnreadNotices, string? FiguresStamp);

    private const string ListSeparator = ",";

    // One round trip for everything a signed-in request needs before its page (docs/decisions/0029): the session and
    // its account (with its two-factor flag, which the enrolment filter asks for the roles that require a second factor),
    // the account's roles and establishments, each aggregated into one string by a scalar subquery (group_concat on
    // SQLite, STRING_AGG on SQL Server), and two more scalar subqueries, the unread notices and the figures stamp. One
    // row and no joined collections: the two collection joins, with the ORDER BY that EF Core adds to stitch them,
    // nearly doubled SQLite's work (docs/decisions/0034). On SQLite its tag sends it to a statement kept prepared on the
    // connection (docs/decisions/0036) instead of one compiled again for every request. Every signed-in request runs
    // it, so it is compiled (docs/decisions/0030): EF Core then skips walking and comparing this large expression on
    // each call, which cost more CPU than SQLite spends running it. A compiled query stays bound to the first model it
    // meets and throws for another, and a test process may hold several, hence one compiled copy per model; a server
    // has one.
    private static readonly Expression<Func<AppDbContext, string, string, CancellationToken, SessionRow?>> SessionQuery = (db, sessionId, userId, _) =>
        db.UserSessions.AsNoTracking()
            .TagWith(Data.Sqlite.PreparedSessionCheck.Tag)
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAtUtc == null)
            .Select(s => new SessionRow(
                s.LastSeenAtUtc,
                s.SecurityStamp == s.User!.SecurityStamp && !s.User.IsDisabled,
                s.User.DirectorateId,
                s.User.TwoFactorEnabled,
                db.UserRoles.Where(ur => ur.UserId == s.UserId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                    .GroupBy(x => x.UserId).Select(g => string.Join(ListSeparator, g.Select(x => x.Name))).FirstOrDefault(),
                db.UserEstablishments.Where(ue => ue.UserId == s.UserId)
                    .GroupBy(ue => ue.UserId).Select(g => string.Join(ListSeparator, g.Select(ue => ue.EstablishmentId.ToString()))).FirstOrDefault(),
                db.Notifications.Count(n => n.UserId == s.UserId && n.ReadAtUtc == null),
                db.Set<DataVersion>().Where(v => v.Area == DataArea.Figures).Select(v => v.Stamp).FirstOrDefault()))
            .SingleOrDefault();

    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, string, string, CancellationToken, Task<SessionRow?>>> CompiledSessionQuery = new();

    /// <summary>
    /// The session check's SQL for the context's provider, translated and not run: the compiled query's own expression,
    /// less its <c>SingleOrDefault</c>, with its parameters bound. A test translates it for SQL Server, which does not
    /// run here, so a LINQ shape that provider cannot translate fails a test rather than every request.
    /// </summary>
    internal static string SessionSql(AppDbContext db)
    {
        var single = (MethodCallExpression)SessionQuery.Body;
        var values = new Dictionary<ParameterExpression, Expression>
        {
            [SessionQuery.Parameters[0]] = Expression.Constant(db),
            [SessionQuery.Parameters[1]] = Expression.Constant("session"),
            [SessionQuery.Parameters[2]] = Expression.Constant("user"),
        };
        var rows = new ParameterBinder(values).Visit(single.Arguments[0]);
        return db.UserSessions.AsQueryable().Provider.CreateQuery<SessionRow>(rows).ToQueryString();
    }

    private sealed class ParameterBinder(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);
    }

    private Task<SessionRow?> ReadSessionAsync(string sessionId, string userId, CancellationToken cancellationToken) =>
        CompiledSessionQuery.GetValue(db.Model, static _ => EF.CompileAsyncQuery(SessionQuery))(db, sessionId, userId, cancellationToken);

    public async Task<IReadOnlyList<SessionInfo>> ListOpenAsync(string userId, CancellationToken cancellationToken = default)
    {
        var idleSince = Now - options.IdleTimeout;
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAtUtc == null && s.LastSeenAtUtc > idleSince
                        && s.SecurityStamp == s.User!.SecurityStamp && !s.User.IsDisabled)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .Select(s => new SessionInfo(s.Id, s.CreatedAtUtc, s.LastSeenAtUtc, s.IsPersistent, s.UserAgent, s.Address))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result> EndAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var ended = await db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, now), cancellationToken);
        if (ended == 1)
        {
            logger.LogInformation("Session of user {UserId} ended", userId);
        }

        return ended == 1 ? Result.Success() : Result.NotFound();
    }

    public async Task<int> EndAllAsync(string userId, string? keepSessionId = null, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var ended = await db.UserSessions
            .Where(s => s.UserId == userId && s.EndedAtUtc == null && s.Id != keepSessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, now), cancellationToken);
        logger.LogInformation("{Count} sessions of user {UserId} ended", ended, userId);
        return ended;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
