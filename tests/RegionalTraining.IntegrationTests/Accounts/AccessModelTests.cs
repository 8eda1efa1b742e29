using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>Authorization reads roles and state from the database on every request; nobody changes his own access.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessModelTests(RegionalTrainingFactory factory)
{
    private async Task<string> CreateAsync(string email, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountService>();
        var directorate = role is Roles.DirectorateStaff or Roles.RegionalDirector
            ? await factory.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => (int?)d.Id).SingleAsync())
            : null;
        var result = await accounts.CreateAsync(new AccountInput(email, "Access test", role, directorate, []), RegionalTrainingFactory.Password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.MessageKey)));
        return result.Value!;
    }

    /// <summary>Changes the role in the database the way a concurrent administrator would, without touching the stamp.</summary>
    private async Task SetRoleKeepingSessionsAsync(string userId, string from, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        var stamp = user.SecurityStamp;
        Assert.True((await users.RemoveFromRoleAsync(user, from)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, to)).Succeeded);
        Assert.Equal(stamp, (await users.FindByIdAsync(userId))!.SecurityStamp);
    }

    [Fact]
    public async Task DemotedAdministrator_IsRefusedAdministrationAtOnce_EvenWithHisSessionStillOpen()
    {
        const string email = "demoted.admin@test.local";
        var userId = await CreateAsync(email, Roles.Administrator);
        var session = await factory.SignedInClientAsync(email);
        var form = await session.GetStringAsync($"/Users/Edit/{userId}");
        await SetRoleKeepingSessionsAsync(userId, Roles.Administrator, Roles.DirectorateStaff);

        var promote = await session.PostAsync($"/Users/Edit/{userId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Access test",
            ["Role"] = Roles.Administrator,
            ["ConcurrencyStamp"] = HttpClientFormExtensions.HiddenValue(form, "ConcurrencyStamp"),
            ["__RequestVerificationToken"] = HttpClientFormExtensions.HiddenValue(form, "__RequestVerificationToken"),
        }));
        var usersPage = await session.GetAsync("/Users");

        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, usersPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Establishments")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator))));
    }

    [Fact]
    public async Task DemotedAdministrator_DoesNotSeeTheAccountsMenu()
    {
        const string email = "demoted.menu@test.local";
        var userId = await CreateAsync(email, Roles.Administrator);
        var session = await factory.SignedInClientAsync(email);
        Assert.Contains("href=\"/Users\"", await session.GetStringAsync("/"));

        await SetRoleKeepingSessionsAsync(userId, Roles.Administrator, Roles.DirectorateStaff);

        Assert.DoesNotContain("href=\"/Users\"", await session.GetStringAsync("/"));
    }

    [Fact]
    public async Task Administrator_CannotChangeHisOwnRole()
    {
        const string email = "self.role@test.local";
        var userId = await CreateAsync(email, Roles.Administrator);
        var session = await factory.SignedInClientAsync(email);
        var form = await session.GetStringAsync($"/Users/Edit/{userId}");
        var directorate = await factory.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync());

        var response = await session.PostFormAsync($"/Users/Edit/{userId}", $"/Users/Edit/{userId}", new Dictionary<string, string>
        {
            ["DisplayName"] = "Access test",
            ["Role"] = Roles.DirectorateStaff,
            ["DirectorateId"] = directorate.ToString(),
            ["ConcurrencyStamp"] = HttpClientFormExtensions.HiddenValue(form, "ConcurrencyStamp"),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("You cannot change your own role", await response.Content.ReadAsStringAsync());
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator))));
    }

    [Fact]
    public async Task Administrator_CanRenameHimselfWithoutLosingHisSession()
    {
        const string email = "self.rename@test.local";
        var userId = await CreateAsync(email, Roles.Administrator);
        var session = await factory.SignedInClientAsync(email);
        var form = await session.GetStringAsync($"/Users/Edit/{userId}");

        var response = await session.PostFormAsync($"/Users/Edit/{userId}", $"/Users/Edit/{userId}", new Dictionary<string, string>
        {
            ["DisplayName"] = "Renamed",
            ["Role"] = Roles.Administrator,
            ["ConcurrencyStamp"] = HttpClientFormExtensions.HiddenValue(form, "ConcurrencyStamp"),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Renamed", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Users")).StatusCode);
    }

    [Fact]
    public async Task Administrator_CannotDisableOrReEnableHimself()
    {
        const string email = "self.disable@test.local";
        var userId = await CreateAsync(email, Roles.Administrator);
        var session = await factory.SignedInClientAsync(email);

        var disable = await session.PostFormAsync("/Users", $"/Users/SetDisabled/{userId}", new Dictionary<string, string> { ["disabled"] = "true" });
        var enable = await session.PostFormAsync("/Users", $"/Users/SetDisabled/{userId}", new Dictionary<string, string> { ["disabled"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsDisabled).SingleAsync()));
        Assert.Contains("You cannot change your own role", await session.GetStringAsync("/Users"));
    }

    [Fact]
    public async Task DisabledAdministrator_CannotReEnableHimselfWithHisOpenSession()
    {
        const string email = "disabled.admin@test.local";
        var userId = await CreateAsync(email, Roles.Administrator);
        var session = await factory.SignedInClientAsync(email);
        var form = await session.GetStringAsync("/Users");
        var admin = await factory.SignedInClientAsync("admin@demo.local");
        await admin.PostFormAsync("/Users", $"/Users/SetDisabled/{userId}", new Dictionary<string, string> { ["disabled"] = "true" });

        var enable = await session.PostAsync($"/Users/SetDisabled/{userId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["disabled"] = "false",
            ["__RequestVerificationToken"] = HttpClientFormExtensions.HiddenValue(form, "__RequestVerificationToken"),
        }));

        Assert.NotEqual(HttpStatusCode.OK, enable.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsDisabled).SingleAsync()));
    }
}
