using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Accounts.TwoFactor;

/// <summary>Which roles must sign in with a second factor (configuration <c>Security:TwoFactor:RequiredRoles</c>).</summary>
public sealed class TwoFactorOptions
{
    public const string Issuer = "RegionalTraining";

    public IReadOnlySet<string> RequiredRoles { get; init; } = new HashSet<string>();

    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(RequiredRoles.Contains);
}

public sealed record TwoFactorStatus(bool Enabled, bool EnrolmentStarted, int RecoveryCodesLeft, bool Required);

/// <summary>The shared secret as people copy it (groups of four) and the otpauth URI that the QR code carries.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);

/// <summary>Enrolment in, and removal of, the authenticator-app second factor; recovery codes. Every change is logged.</summary>
public interface ITwoFactorService
{
    Task<TwoFactorStatus> GetStatusAsync(ApplicationUser user, AccessScope scope);

    /// <summary>Whether the account has two-factor sign-in turned on (read from the database).</summary>
    Task<bool> IsEnabledAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Draws a new shared secret, unless two-factor sign-in is already on. Renews the security stamp.</summary>
    Task<Result> StartEnrolmentAsync(ApplicationUser user);

    Task<AuthenticatorSetup?> GetSetupAsync(ApplicationUser user);

    /// <summary>Turns two-factor sign-in on when the code matches the secret; succeeds with the ten recovery codes.</summary>
    Task<Result<IReadOnlyList<string>>> EnableAsync(ApplicationUser user, string code);

    /// <summary>Refused while one of the user's roles requires a second factor.</summary>
    Task<Result> DisableAsync(ApplicationUser user, AccessScope scope);

    /// <summary>Ten new recovery codes replace the old ones; refused when two-factor sign-in is off.</summary>
    Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(ApplicationUser user);

    /// <summary>An administrator's reset of someone's lost second factor: off, new secret, no recovery codes. One's own is refused.</summary>
    Task<Result> ResetAsync(string userId, string administratorId);
}

/// <inheritdoc />
public sealed class TwoFactorService(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    TwoFactorOptions options,
    ILogger<TwoFactorService> logger) : ITwoFactorService
{
    public const int RecoveryCodeCount = 10;

    public async Task<TwoFactorStatus> GetStatusAsync(ApplicationUser user, AccessScope scope)
    {
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        var left = enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return new TwoFactorStatus(enabled, !enabled && !string.IsNullOrEmpty(key), left, options.IsRequiredFor(scope.Roles));
    }

    public Task<bool> IsEnabledAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleOrDefaultAsync(cancellationToken);

    public async Task<Result> StartEnrolmentAsync(ApplicationUser user)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Result.Invalid(FieldError.Form, Messages.TwoFactorAlreadyOn);
        }

        // A new secret starts a new sequence of codes: the step remembered from an earlier secret means nothing.
        user.AuthenticatorLastTimeStep = null;
        var result = await users.ResetAuthenticatorKeyAsync(user);
        logger.LogInformation("User {UserId} started two-factor enrolment", user.Id);
        return result.Succeeded ? Result.Success() : Result.Invalid(FieldError.Form, Messages.TryAgain);
    }

    public async Task<AuthenticatorSetup?> GetSetupAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        return string.IsNullOrEmpty(key) ? null : new AuthenticatorSetup(FormatKey(key), AuthenticatorUri(user.Email ?? user.UserName ?? user.Id, key));
    }

    public async Task<Result<IReadOnlyList<string>>> EnableAsync(ApplicationUser user, string code)
    {
        if (await users.GetTwoFactorEnabledAsync(user) || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return Result.Invalid(FieldError.Form, Messages.TwoFactorAlreadyOn).With<IReadOnlyList<string>>();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            logger.LogWarning("User {UserId} gave a wrong code while enrolling an authenticator", user.Id);
            return Result.Invalid("Code", Messages.WrongAuthenticatorCode).With<IReadOnlyList<string>>();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        logger.LogInformation("User {UserId} turned on two-factor sign-in", user.Id);
        return await RecoveryCodesAsync(user);
    }

    public async Task<Result> DisableAsync(ApplicationUser user, AccessScope scope)
    {
        if (options.IsRequiredFor(scope.Roles))
        {
            logger.LogWarning("User {UserId} tried to turn off two-factor sign-in that his role requires", user.Id);
            return Result.Invalid(FieldError.Form, Messages.TwoFactorRequiredByRole);
        }

        await RemoveSecondFactorAsync(user);
        logger.LogInformation("User {UserId} turned off two-factor sign-in", user.Id);
        return Result.Success();
    }

    public async Task<Result<IReadOnlyList<string>>> NewRecoveryCodesAsync(ApplicationUser user)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Result.Invalid(FieldError.Form, Messages.TwoFactorIsOff).With<IReadOnlyList<string>>();
        }

        logger.LogInformation("User {UserId} generated new recovery codes", user.Id);
        return await RecoveryCodesAsync(user);
    }

    public async Task<Result> ResetAsync(string userId, string administratorId)
    {
        if (userId == administratorId)
        {
            return Result.Invalid(FieldError.Form, Messages.OwnSecondFactor);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound();
        }

        await RemoveSecondFactorAsync(user);
        logger.LogWarning("Administrator {AdministratorId} reset the second factor of account {UserId}", administratorId, userId);
        return Result.Success();
    }

    /// <summary>Lower case in groups of four, as authenticator apps show and accept it.</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    public static string AuthenticatorUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(TwoFactorOptions.Issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={key}&issuer={Uri.EscapeDataString(TwoFactorOptions.Issuer)}&digits=6";

    private async Task<Result<IReadOnlyList<string>>> RecoveryCodesAsync(ApplicationUser user) =>
        Result.Success<IReadOnlyList<string>>((await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? []);

    private async Task RemoveSecondFactorAsync(ApplicationUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, HashedRecoveryCodeUserStore.LoginProvider, HashedRecoveryCodeUserStore.TokenName);
        user.AuthenticatorLastTimeStep = null;
        // A new secret (and a new security stamp): the old app's codes and any remembered browser stop working.
        await users.ResetAuthenticatorKeyAsync(user);
    }
}
