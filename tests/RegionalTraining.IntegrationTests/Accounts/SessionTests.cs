using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>Sessions end on the next request after sign-out, an account change or "sign out everywhere", not after an interval.</summary>
[Collection(PortalCollection.Name)]
public sealed class SessionTests(RegionalTrainingFactory factory)
{
    private async Task<string> CreateDirectorAsync(string email) => (await AccountTestData.CreateAccountAsync(factory, email)).Id;

    /// <summary>Signs in and returns the raw sign-in cookie, as someone copying it from the browser would hold it.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email)
    {
        var client = factory.NewClient();
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = RegionalTrainingFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rt.auth=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie);
    }

    private async Task<HttpStatusCode> GetWithCookieAsync(string cookie, string path)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task CopiedCookie_AfterSignOut_IsRefusedAtOnce()
    {
        var (client, cookie) = await SignInAsync("staff@demo.local");
        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(cookie, "/Meetings"));

        var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await GetWithCookieAsync(cookie, "/Meetings"));
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherSessionsAndKeepsThisOne()
    {
        const string email = "session.password@test.local";
        await CreateDirectorAsync(email);
        var (here, oldCookie) = await SignInAsync(email);
        var (elsewhere, _) = await SignInAsync(email);

        var change = await here.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = RegionalTrainingFactory.Password,
            ["NewPassword"] = "another long passphrase",
            ["ConfirmPassword"] = "another long passphrase",
        });

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Establishments")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/Establishments")).StatusCode);
        // The session that changed the password was rotated: a copy of its old cookie is dead too.
        Assert.Equal(HttpStatusCode.Redirect, await GetWithCookieAsync(oldCookie, "/Establishments"));
    }

    [Fact]
    public async Task RoleChange_EndsTheAccountsSessionsOnTheNextRequest()
    {
        const string email = "session.role@test.local";
        var userId = await CreateDirectorAsync(email);
        var (session, _) = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Establishments")).StatusCode);
        var admin = await factory.SignedInClientAsync("admin@demo.local");
        var form = await admin.GetStringAsync($"/Users/Edit/{userId}");
        var directorate = await factory.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync());

        var saved = await admin.PostFormAsync($"/Users/Edit/{userId}", $"/Users/Edit/{userId}", new Dictionary<string, string>
        {
            ["DisplayName"] = "Session test",
            ["Role"] = Roles.DirectorateStaff,
            ["DirectorateId"] = directorate.ToString(),
            ["ConcurrencyStamp"] = HttpClientFormExtensions.HiddenValue(form, "ConcurrencyStamp"),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var next = await session.GetAsync("/Establishments");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SessionsPage_ListsBothBrowsersAndEndsTheOtherOne()
    {
        const string email = "session.list@test.local";
        await CreateDirectorAsync(email);
        var (here, _) = await SignInAsync(email);
        var (elsewhere, _) = await SignInAsync(email);
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var sessions = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == userId && s.EndedAtUtc == null).Select(s => s.Id).ToListAsync());
        Assert.Equal(2, sessions.Count);
        var page = await here.GetStringAsync("/Sessions");

        var end = await here.PostFormAsync("/Sessions", "/Sessions/EndOthers", new Dictionary<string, string>());

        Assert.All(sessions, id => Assert.Contains($"/Sessions/End/{id}\"", page));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "This browser"));
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Establishments")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/Establishments")).StatusCode);
    }

    [Fact]
    public async Task EndingAnotherUsersSession_AnswersNotFoundAndLeavesItOpen()
    {
        var (victim, _) = await SignInAsync("director.dakhla@demo.local");
        var victimId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "director.dakhla@demo.local").Select(u => u.Id).SingleAsync());
        var victimSession = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == victimId && s.EndedAtUtc == null)
            .OrderByDescending(s => s.CreatedAtUtc).Select(s => s.Id).FirstAsync());
        var attacker = await factory.SignedInClientAsync("director.mirleft@demo.local");

        var response = await attacker.PostFormAsync("/Sessions", $"/Sessions/End/{victimSession}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/Establishments")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionIncludingThisOne()
    {
        const string email = "session.everywhere@test.local";
        await CreateDirectorAsync(email);
        var (here, _) = await SignInAsync(email);
        var (elsewhere, _) = await SignInAsync(email);

        var response = await here.PostFormAsync("/Sessions", "/Sessions/EndAll", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync("/Establishments")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/Establishments")).StatusCode);
    }
}
