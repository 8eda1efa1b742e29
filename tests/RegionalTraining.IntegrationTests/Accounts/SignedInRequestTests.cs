using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Notifications;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>
/// A signed-in page starts with one database read (session, access scope, two-factor flag, unread notices, figures
/// stamp together, docs/decisions/0029 and 0031), and what it read is still the database's, on every request: a role
/// or a notice changed in the database behind the portal's back shows on the very next request.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SignedInRequestTests(RegionalTrainingFactory factory)
{
    private const string RequestHeader = "X-Test-Counted-Request";

    /// <summary>The badge with one unread notice (Views/Shared/_Layout.cshtml).</summary>
    private const string Badge = "badge text-bg-warning\">1<";

    /// <summary>A staff member of DR-SUD, who may open its dashboard.</summary>
    private Task<string> CreateStaffAsync(string email) => factory.CreateMemberAsync(email, Roles.DirectorateStaff);

    [Fact]
    public async Task SignedInDashboard_WithItsCachesWarm_SendsOneCommand()
    {
        var commands = await WarmDashboardCommandsAsync("staff@demo.local", requiredRoles: "");

        Assert.True(commands.Count == 1, string.Join("\n\n", commands));
    }

    [Fact]
    public async Task RegionalDirectorsDashboard_WithTwoFactorRequiredAndOn_SendsOneCommand()
    {
        // The enrolment filter asks, on every request of a role that requires a second factor, whether the account has
        // one: the session check's query answers it (docs/decisions/0031), not a query of its own.
        const string email = "signed-in.two-factor@test.local";
        var userId = await factory.CreateMemberAsync(email, Roles.RegionalDirector);

        var commands = await WarmDashboardCommandsAsync(email, requiredRoles: Roles.RegionalDirector, afterSignIn: () =>
            // Behind the portal's back, so that the password alone signed in: the security stamp stays, the session too.
            factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, true))));

        Assert.True(commands.Count == 1, string.Join("\n\n", commands));
    }

    /// <summary>The commands of one dashboard view, its caches warm, by <paramref name="email"/> signed in with the password.</summary>
    private async Task<IReadOnlyList<string>> WarmDashboardCommandsAsync(string email, string requiredRoles, Func<Task<int>>? afterSignIn = null)
    {
        var counter = new CommandCounter();
        await using var portal = factory.WithWebHostBuilder(b => b
            .UseSetting("Security:TwoFactor:RequiredRoles", requiredRoles)
            .ConfigureServices(s => s.ConfigureDbContext<AppDbContext>(
                (sp, o) => o.AddInterceptors(new CountingInterceptor(counter, sp.GetRequiredService<IHttpContextAccessor>())))));
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(RegionalTrainingFactory.ClientAddressHeader, RegionalTrainingFactory.NewClientAddress());
        var login = await client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = RegionalTrainingFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        if (afterSignIn is not null)
        {
            await afterSignIn();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Dashboards")).StatusCode); // fills the caches

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Dashboards");
        request.Headers.Add(RequestHeader, "warm");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/Notifications", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return counter.For("warm");
    }

    [Fact]
    public async Task RoleRemovedInTheDatabase_IsRefusedOnTheNextRequest()
    {
        const string email = "signed-in.role@test.local";
        var userId = await CreateStaffAsync(email);
        var client = await factory.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Dashboards")).StatusCode);

        // Behind the account service's back: the security stamp stays, so the session stays open; only the scope changes.
        await factory.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync());

        // Out of reach from this request on: the dashboard answers 404 to someone without directorate work.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Dashboards")).StatusCode);
    }

    [Fact]
    public async Task NoticeAddedInTheDatabase_ShowsInTheBadgeOnTheNextRequest()
    {
        const string email = "signed-in.notice@test.local";
        var userId = await CreateStaffAsync(email);
        var client = await factory.SignedInClientAsync(email);
        Assert.DoesNotContain(Badge, await client.GetStringAsync("/Dashboards"), StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification { UserId = userId, MessageKey = "test", Link = "/", CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        Assert.Contains(Badge, await client.GetStringAsync("/Dashboards"), StringComparison.Ordinal);
    }

    private sealed class CommandCounter
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new();

        public void Add(string request, string sql) => _commands.GetOrAdd(request, _ => new ConcurrentQueue<string>()).Enqueue(sql);

        public IReadOnlyList<string> For(string request) => _commands.TryGetValue(request, out var commands) ? [.. commands] : [];
    }

    /// <summary>Counts the commands of requests that carry the test's header, whatever runs beside them.</summary>
    private sealed class CountingInterceptor(CommandCounter counter, IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Count(DbCommand command)
        {
            if (http.HttpContext?.Request.Headers[RequestHeader].ToString() is { Length: > 0 } request)
            {
                counter.Add(request, command.CommandText);
            }
        }
    }
}
