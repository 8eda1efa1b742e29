using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace RegionalTraining.Core.Accounts.TwoFactor;

/// <summary>
/// Validates authenticator-app codes (TOTP, RFC 6238, 30-second steps, one step of drift either way) and accepts each
/// code once only. Identity's own AuthenticatorTokenProvider accepts the same code again for as long as its window
/// lasts; this one remembers the last accepted step on the user and refuses that step and every earlier one.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "OnceOnlyAuthenticator";

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    /// <summary>Codes come from the app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var code = Normalise(token);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (code is null || string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, Window))
        {
            return false;
        }

        if (user.AuthenticatorLastTimeStep is { } last && step <= last)
        {
            return false;
        }

        // Saved with the concurrency stamp: of two requests racing with the same code, the second fails to save.
        user.AuthenticatorLastTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }

    /// <summary>Six digits; spaces and dashes that people type from the app's display are dropped.</summary>
    internal static string? Normalise(string? token)
    {
        var code = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit) ? code : null;
    }
}
