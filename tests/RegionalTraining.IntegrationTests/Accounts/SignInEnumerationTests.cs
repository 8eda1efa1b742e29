using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegionalTraining.Core.Accounts;
using RegionalTraining.IntegrationTests.Infrastructure;
using static RegionalTraining.IntegrationTests.Accounts.AccountTestData;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>
/// The sign-in form answers alike for unknown, wrong-password, locked-out and disabled accounts: same message, same
/// status, and the same work (one password verification), which is what makes their timings comparable. The work is
/// counted rather than timed, so the test does not depend on the machine's speed.
/// </summary>
public sealed class SignInEnumerationTests(PasswordCheckCountingFactory factory) : IClassFixture<PasswordCheckCountingFactory>
{
    private const string WrongPassword = "not-the-right-password";

    public enum Case
    {
        Unknown,
        WrongPassword,
        LockedOut,
        Disabled,
        RightPassword,
    }

    private async Task<(string Email, string Password)> PrepareAsync(Case @case)
    {
        var email = $"enum-{@case}-{Guid.NewGuid():N}@test.local".ToLowerInvariant();
        if (@case == Case.Unknown)
        {
            return (email, WrongPassword);
        }

        await CreateAccountAsync(factory, email);
        if (@case == Case.LockedOut)
        {
            await LockOutAsync(factory, email);
        }
        else if (@case == Case.Disabled)
        {
            await DisableAsync(factory, email);
        }

        // Locked-out and disabled accounts are tried with their right password: it must not show.
        return (email, @case is Case.WrongPassword ? WrongPassword : RegionalTrainingFactory.Password);
    }

    [Fact]
    public async Task SignIn_UnknownWrongPasswordLockedOutAndDisabled_GiveTheSameMessageAndStatus()
    {
        var answers = new List<(Case Case, HttpStatusCode Status, string? Error, bool Cookie)>();
        foreach (var @case in new[] { Case.Unknown, Case.WrongPassword, Case.LockedOut, Case.Disabled })
        {
            var (email, password) = await PrepareAsync(@case);
            var response = await SignInAsync(factory.NewClient(), email, password);
            var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("rt.auth=", StringComparison.Ordinal));
            answers.Add((@case, response.StatusCode, FormError(await response.Content.ReadAsStringAsync()), cookie));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.False(a.Cookie, $"{a.Case} signed in"));
        Assert.All(answers, a => Assert.Equal(
            "Incorrect e-mail or password. After 5 failed attempts an account is locked for 15 minutes; \"Forgot your password?\" unlocks it at once.",
            a.Error));
    }

    [Theory]
    [InlineData(Case.Unknown)]
    [InlineData(Case.WrongPassword)]
    [InlineData(Case.LockedOut)]
    [InlineData(Case.Disabled)]
    [InlineData(Case.RightPassword)]
    public async Task SignIn_VerifiesExactlyOnePasswordPerAttempt(Case @case)
    {
        var (email, password) = await PrepareAsync(@case);
        var client = factory.NewClient();
        var before = factory.Verifications;

        var response = await SignInAsync(client, email, password);

        Assert.Equal(@case == Case.RightPassword ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, factory.Verifications - before);
    }
}

/// <summary>The portal with its password hasher wrapped to count verifications; its own instance, so no other test adds to the count.</summary>
public sealed class PasswordCheckCountingFactory : RegionalTrainingFactory
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<ApplicationUser>>(sp =>
            new CountingHasher(new PasswordHasher<ApplicationUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), this)));
    }

    private sealed class CountingHasher(IPasswordHasher<ApplicationUser> inner, PasswordCheckCountingFactory owner) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref owner._verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
