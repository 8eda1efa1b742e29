using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using RegionalTraining.Core.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>
/// Two-factor sign-in on the real portal: the tests read the secret the enrolment page shows and compute the codes
/// an authenticator app would, at the time of the portal's clock, which they move on by hand.
/// </summary>
public sealed partial class TwoFactorTests(TwoFactorPortal portal) : IClassFixture<TwoFactorPortal>
{
    private const string WrongCodeMessage = "This code is not valid. Enter the current code from your authenticator app.";

    [Fact]
    public async Task Enrolment_WithACodeComputedFromTheShownKey_TurnsItOnWithTenRecoveryCodesStoredHashed()
    {
        var userId = await CreateAccountAsync("enrol@test.local", Roles.Administrator);
        var client = await portal.SignedInClientAsync("enrol@test.local");

        var (key, codes) = await EnrolAsync(client);

        Assert.Equal(32, key.Length);
        Assert.Equal(10, codes.Count);
        Assert.True(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var stored = await portal.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == userId && t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync());
        Assert.DoesNotContain(codes, code => stored!.Contains(code, StringComparison.OrdinalIgnoreCase));
        // The session survives the security stamp that turning it on renewed.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Establishments")).StatusCode);
    }

    [Fact]
    public async Task Enrolment_WithAWrongCode_StaysOffAndSaysSo()
    {
        var userId = await CreateAccountAsync("enrol.wrong@test.local", Roles.Administrator);
        var client = await portal.SignedInClientAsync("enrol.wrong@test.local");
        await client.PostFormAsync("/TwoFactor", "/TwoFactor/Start", new Dictionary<string, string>());

        var response = await client.PostFormAsync("/TwoFactor/Enable", "/TwoFactor/Enable", new Dictionary<string, string> { ["Code"] = "000000" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(WrongCodeMessage, await response.Content.ReadAsStringAsync());
        Assert.False(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task SignIn_WhenTwoFactorIsOn_AsksForTheCodeAfterThePasswordAndOpensOnlyWithIt()
    {
        await CreateAccountAsync("signin.code@test.local", Roles.Administrator);
        var (key, _) = await EnrolAsync(await portal.SignedInClientAsync("signin.code@test.local"));
        portal.NextStep();
        var client = portal.NewClient();

        var password = await PasswordStepAsync(client, "signin.code@test.local");
        var beforeCode = await client.GetAsync("/Establishments");
        var code = await client.PostFormAsync(password.Headers.Location!.OriginalString, "/TwoFactorLogin", new Dictionary<string, string> { ["Code"] = CodeAt(key) });

        Assert.StartsWith("/TwoFactorLogin", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);
        Assert.StartsWith("/Account/Login", beforeCode.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Establishments")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithACodeAlreadyUsedInItsStep_IsRefusedWithTheWrongCodeMessage()
    {
        await CreateAccountAsync("replay@test.local", Roles.Administrator);
        var (key, _) = await EnrolAsync(await portal.SignedInClientAsync("replay@test.local"));
        portal.NextStep();
        var code = CodeAt(key);
        var first = portal.NewClient();
        await PasswordStepAsync(first, "replay@test.local");
        var accepted = await first.PostFormAsync("/TwoFactorLogin", "/TwoFactorLogin", new Dictionary<string, string> { ["Code"] = code });

        var second = portal.NewClient();
        await PasswordStepAsync(second, "replay@test.local");
        var replayed = await second.PostFormAsync("/TwoFactorLogin", "/TwoFactorLogin", new Dictionary<string, string> { ["Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains(WrongCodeMessage, await replayed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Establishments")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAWrongCode_CountsTowardsTheLockout()
    {
        var userId = await CreateAccountAsync("wrong.code@test.local", Roles.Administrator);
        await EnrolAsync(await portal.SignedInClientAsync("wrong.code@test.local"));
        var client = portal.NewClient();
        await PasswordStepAsync(client, "wrong.code@test.local");

        var response = await client.PostFormAsync("/TwoFactorLogin", "/TwoFactorLogin", new Dictionary<string, string> { ["Code"] = "123 456" });

        Assert.Contains(WrongCodeMessage, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnceAndNotTwice()
    {
        await CreateAccountAsync("recovery@test.local", Roles.Administrator);
        var (_, codes) = await EnrolAsync(await portal.SignedInClientAsync("recovery@test.local"));

        var first = portal.NewClient();
        await PasswordStepAsync(first, "recovery@test.local");
        var used = await first.PostFormAsync("/TwoFactorLogin/Recovery", "/TwoFactorLogin/Recovery", new Dictionary<string, string> { ["RecoveryCode"] = codes[3] });
        var second = portal.NewClient();
        await PasswordStepAsync(second, "recovery@test.local");
        var again = await second.PostFormAsync("/TwoFactorLogin/Recovery", "/TwoFactorLogin/Recovery", new Dictionary<string, string> { ["RecoveryCode"] = codes[3] });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Establishments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This recovery code is not valid or was already used.", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Establishments")).StatusCode);
    }

    [Fact]
    public async Task RequiredRole_WithoutTwoFactor_IsSentToEnrolmentUntilItEnrols()
    {
        await CreateAccountAsync("required@test.local", Roles.RegionalDirector);
        var client = await portal.SignedInClientAsync("required@test.local");

        var before = await client.GetAsync("/Establishments");
        var enrolmentPage = await client.GetAsync("/TwoFactor");
        await EnrolAsync(client);
        var after = await client.GetAsync("/Establishments");

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("/TwoFactor", before.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, enrolmentPage.StatusCode);
        Assert.Contains("Your role requires two-factor sign-in.", await enrolmentPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task RequiredRole_CannotTurnOffItsOwnTwoFactor()
    {
        var userId = await CreateAccountAsync("required.off@test.local", Roles.RegionalDirector);
        var client = await portal.SignedInClientAsync("required.off@test.local");
        await EnrolAsync(client);

        var response = await client.PostFormAsync("/TwoFactor", "/TwoFactor/Disable", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task OptionalRole_TurnsItsOwnTwoFactorOffAndStaysSignedIn()
    {
        var userId = await CreateAccountAsync("optional.off@test.local", Roles.Administrator);
        var client = await portal.SignedInClientAsync("optional.off@test.local");
        await EnrolAsync(client);

        await client.PostFormAsync("/TwoFactor", "/TwoFactor/Disable", new Dictionary<string, string>());

        Assert.False(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Establishments")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(portal.NewClient(), "optional.off@test.local")).StatusCode);
    }

    [Fact]
    public async Task AdministratorReset_TurnsTheSecondFactorOffRemovesTheCodesAndIsLogged()
    {
        var userId = await CreateAccountAsync("lost.phone@test.local", Roles.RegionalDirector);
        await EnrolAsync(await portal.SignedInClientAsync("lost.phone@test.local"));
        var keyBefore = await StoredKeyAsync(userId);
        var admin = await portal.SignedInClientAsync("admin@demo.local");

        var editPage = await admin.GetStringAsync($"/Users/Edit/{userId}");
        var reset = await admin.PostFormAsync($"/Users/Edit/{userId}", $"/Users/ResetTwoFactor/{userId}", new Dictionary<string, string>());

        Assert.Contains("Reset the second factor", editPage);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.NotEqual(keyBefore, await StoredKeyAsync(userId));
        Assert.False(await portal.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.UserId == userId && t.Name == "RecoveryCodes")));
        Assert.Contains(portal.TwoFactorLog, e => e.Template == "Administrator {AdministratorId} reset the second factor of account {UserId}"
            && (string?)e.Properties["UserId"] == userId);
        // Still in a role that requires it: the next sign-in leads to enrolment, not to a code the person lost.
        var again = await portal.SignedInClientAsync("lost.phone@test.local");
        Assert.Equal("/TwoFactor", (await again.GetAsync("/Establishments")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ResetTwoFactor_ByANonAdministrator_IsForbidden()
    {
        var userId = await CreateAccountAsync("not.reset@test.local", Roles.Administrator);
        await EnrolAsync(await portal.SignedInClientAsync("not.reset@test.local"));
        var staff = await portal.SignedInClientAsync("staff@demo.local");

        var response = await staff.PostFormAsync("/Establishments", $"/Users/ResetTwoFactor/{userId}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [GeneratedRegex("id=\"shared-key\">([a-z2-7 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li class=\"col\"><code class=\"fs-5 text-body\">([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    private async Task<string> CreateAccountAsync(string email, string role)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var directorate = role == Roles.Administrator ? (int?)null : await portal.WithDbAsync(db => db.Directorates.Where(d => d.Code == "DR-SUD").Select(d => (int?)d.Id).SingleAsync());
        var result = await scope.ServiceProvider.GetRequiredService<IAccountService>()
            .CreateAsync(new AccountInput(email, "Two-factor test", role, directorate, []), RegionalTrainingFactory.Password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.MessageKey)));
        return result.Value!;
    }

    /// <summary>What a person does on the enrolment page, with the code an app would show for the secret read there.</summary>
    private async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        await client.PostFormAsync("/TwoFactor", "/TwoFactor/Start", new Dictionary<string, string>());
        var page = await client.GetStringAsync("/TwoFactor/Enable");
        Assert.Contains("src=\"data:image/png;base64,", page);
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var response = await client.PostFormAsync("/TwoFactor/Enable", "/TwoFactor/Enable", new Dictionary<string, string> { ["Code"] = CodeAt(key) });
        var html = await response.Content.ReadAsStringAsync();
        return (key, RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList());
    }

    private string CodeAt(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(portal.Clock.GetUtcNow().UtcDateTime);

    private static Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email) =>
        client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = RegionalTrainingFactory.Password });

    private Task<string?> StoredKeyAsync(string userId) =>
        portal.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == userId && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleOrDefaultAsync());
}
