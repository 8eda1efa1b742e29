using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(RegionalTrainingFactory factory)
{
    private const string RefusedMessage = "Incorrect e-mail or password. After 5 failed attempts an account is locked for 15 minutes; &quot;Forgot your password?&quot; unlocks it at once.";

    private async Task<string> CreateDirectorAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountService>();
        var establishment = await factory.EstablishmentIdAsync("CFP-TARFAYA");
        var result = await accounts.CreateAsync(new AccountInput(email, "Test director", Roles.EstablishmentDirector, null, [establishment]), RegionalTrainingFactory.Password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.MessageKey)));
        return result.Value!;
    }

    private static Task<HttpResponseMessage> TryAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    [Fact]
    public async Task SignIn_WithDemoAccount_RedirectsHomeWithAuthCookie()
    {
        var response = await TryAsync(factory.NewClient(), "regional.director@demo.local", RegionalTrainingFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rt.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        const string email = "lockout@test.local";
        await CreateDirectorAsync(email);
        var client = factory.NewClient();

        for (var i = 0; i < 5; i++)
        {
            await TryAsync(client, email, "wrong-password-" + i);
        }

        var response = await TryAsync(client, email, RegionalTrainingFactory.Password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RefusedMessage, html);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email && u.LockoutEnd != null)));
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsOneMessageForUnknownAndKnownAccounts()
    {
        var client = factory.NewClient();

        var known = await (await TryAsync(client, "staff@demo.local", "not-the-password")).Content.ReadAsStringAsync();
        var unknown = await (await TryAsync(client, "nobody@demo.local", "not-the-password")).Content.ReadAsStringAsync();

        Assert.Contains(RefusedMessage, known);
        Assert.Contains(RefusedMessage, unknown);
    }

    [Fact]
    public async Task DisabledAccount_LosesItsOpenSessionAndCannotSignIn()
    {
        const string email = "disabled@test.local";
        var userId = await CreateDirectorAsync(email);
        var session = await factory.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Establishments")).StatusCode);
        var admin = await factory.SignedInClientAsync("admin@demo.local");

        var disable = await admin.PostFormAsync("/Users", $"/Users/SetDisabled/{userId}", new Dictionary<string, string> { ["disabled"] = "true" });
        var afterwards = await session.GetAsync("/Establishments");
        var again = await TryAsync(factory.NewClient(), email, RegionalTrainingFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Account/Login", afterwards.Headers.Location!.PathAndQuery);
        Assert.Contains(RefusedMessage, await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PasswordReset_ThroughTheEmailedLink_SetsANewPassword()
    {
        const string email = "reset@test.local";
        await CreateDirectorAsync(email);
        var client = factory.NewClient();
        var before = Directory.Exists(factory.MailFolder) ? Directory.GetFiles(factory.MailFolder).Length : 0;

        await client.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });
        var mail = Directory.GetFiles(factory.MailFolder).Select(File.ReadAllText).Single(m => m.Contains("To: " + email));
        var link = new Uri(Regex.Match(mail, @"http://\S+").Value);
        var form = await client.GetStringAsync(link.PathAndQuery);
        var reset = await client.PostFormAsync(link.PathAndQuery, "/Account/ResetPassword", new Dictionary<string, string>
        {
            ["UserId"] = HttpClientFormExtensions.HiddenValue(form, "UserId"),
            ["Code"] = HttpClientFormExtensions.HiddenValue(form, "Code"),
            ["Password"] = "a brand new long passphrase",
            ["ConfirmPassword"] = "a brand new long passphrase",
        });
        var signIn = await TryAsync(factory.NewClient(), email, "a brand new long passphrase");

        Assert.True(Directory.GetFiles(factory.MailFolder).Length > before);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public async Task PasswordPolicy_AcceptsTwelveToOneHundredTwentyEightCharactersWithoutComposition(int length, bool accepted)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = $"len{length}@test.local", Email = $"len{length}@test.local" };

        var result = await users.CreateAsync(user, new string('a', length));

        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public async Task StoredPasswordHash_UsesAtLeast210000Iterations()
    {
        var hash = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.PasswordHash!).SingleAsync());
        var bytes = Convert.FromBase64String(hash);

        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), …
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];

        Assert.Equal(0x01, bytes[0]);
        Assert.True(iterations >= 210_000, $"iterations = {iterations}");
    }

    [Fact]
    public async Task AdministratorCreatesAccount_InvitationIsEmailedAndRoleIsSet()
    {
        var admin = await factory.SignedInClientAsync("admin@demo.local");
        var establishment = await factory.EstablishmentIdAsync("CQP-BOUJDOUR");

        var response = await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = "new.director@test.local",
            ["DisplayName"] = "Nouveau directeur",
            ["Role"] = Roles.EstablishmentDirector,
            ["EstablishmentIds"] = establishment.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Directory.GetFiles(factory.MailFolder).Select(File.ReadAllText), m => m.Contains("To: new.director@test.local"));
        var links = await factory.WithDbAsync(db => db.UserEstablishments.Where(l => l.User!.Email == "new.director@test.local").Select(l => l.EstablishmentId).ToListAsync());
        Assert.Equal([establishment], links);
    }

    [Fact]
    public async Task AdministratorCreatesDirectorWithoutEstablishment_GetsAnError()
    {
        var admin = await factory.SignedInClientAsync("admin@demo.local");

        var response = await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = "incomplete@test.local",
            ["DisplayName"] = "Incomplete",
            ["Role"] = Roles.EstablishmentDirector,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("An establishment director must direct at least one establishment.", await response.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "incomplete@test.local")));
    }

    [Fact]
    public async Task RoleChangeAwayFromDirector_EndsEstablishmentLinks()
    {
        var userId = await CreateDirectorAsync("promoted@test.local");
        var directorate = await factory.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => d.Id).SingleAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountService>();
        var stamp = (await accounts.GetAsync(userId))!.ConcurrencyStamp;

        var result = await accounts.UpdateAsync(userId, new AccountInput("promoted@test.local", "Promoted", Roles.DirectorateStaff, directorate, [await factory.EstablishmentIdAsync("CFP-TARFAYA")]), stamp);

        Assert.True(result.Succeeded);
        Assert.False(await factory.WithDbAsync(db => db.UserEstablishments.AnyAsync(l => l.UserId == userId)));
    }
}
