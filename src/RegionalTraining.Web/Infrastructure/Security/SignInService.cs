using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.Email;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>
/// The outcome of a sign-in form; <see cref="RetryAfter"/> is set when the e-mail is over its limit, and
/// <see cref="Outcome"/> carries the one message of a refusal.
/// </summary>
public sealed record PasswordSignInAttempt(SignInResult Result, Result Outcome, TimeSpan? RetryAfter = null);

/// <summary>
/// Password sign-in, its second step, and password resets and changes. Sign-in and reset requests answer alike
/// whether or not the account exists, is locked out or is disabled: the same result to the page and one password
/// verification per attempt. Only the log tells them apart.
/// </summary>
public sealed class SignInService(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    DummyPasswordHash dummyHash,
    AccountRateLimits limits,
    AccountEmails emails,
    IOptions<IdentityOptions> identity,
    ILogger<SignInService> logger)
{
    public async Task<PasswordSignInAttempt> PasswordSignInAsync(string email, string password, bool persistent)
    {
        if (limits.SignInBlockedFor(email) is { } wait)
        {
            return new PasswordSignInAttempt(SignInResult.Failed, Result.Success(), wait);
        }

        var user = await users.FindByEmailAsync(email);
        var passwordChecked = user is not null && await MayTryPasswordAsync(user);
        var result = passwordChecked
            ? await signIn.PasswordSignInAsync(user!, password, persistent, lockoutOnFailure: true)
            : RefuseWithoutAccount(user, password);
        if (user is not null)
        {
            await LogAsync(user, result, passwordChecked);
        }

        // A correct password (even one still awaiting a second factor) is not a failure.
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            return new PasswordSignInAttempt(result, Result.Success());
        }

        limits.CountFailedSignIn(email);
        // Unknown e-mail, wrong password, locked out or disabled: one answer, so the form cannot tell accounts apart.
        var lockout = identity.Value.Lockout;
        return new PasswordSignInAttempt(result, Result.Invalid(
            FieldError.Form, Messages.SignInRefused, lockout.MaxFailedAccessAttempts, (int)lockout.DefaultLockoutTimeSpan.TotalMinutes));
    }

    /// <summary>The second step with a code from the authenticator app; a wrong code counts towards the lockout.</summary>
    public async Task<Result> AuthenticatorSignInAsync(ApplicationUser user, string code, bool persistent, bool rememberBrowser)
    {
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, persistent, rememberBrowser);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with an authenticator code", user.Id);
            return Result.Success();
        }

        logger.LogWarning("Second factor refused for account {UserId} (locked out: {LockedOut})", user.Id, result.IsLockedOut);
        return Result.Invalid(FieldError.Form, result.IsLockedOut ? Messages.TooManyFailedAttempts : Messages.WrongAuthenticatorCode);
    }

    /// <summary>The second step with one recovery code, which is used up.</summary>
    public async Task<Result> RecoveryCodeSignInAsync(ApplicationUser user, string code)
    {
        // Identity neither checks the lockout here nor counts wrong recovery codes against it: this does both.
        if (await users.IsLockedOutAsync(user))
        {
            return Result.Invalid(FieldError.Form, Messages.TooManyFailedAttempts);
        }

        if ((await signIn.TwoFactorRecoveryCodeSignInAsync(code.Trim())).Succeeded)
        {
            logger.LogWarning("User {UserId} signed in with a recovery code ({Left} left)", user.Id, await users.CountRecoveryCodesAsync(user));
            return Result.Success();
        }

        await users.AccessFailedAsync(user);
        var lockedOut = await users.IsLockedOutAsync(user);
        logger.LogWarning("Recovery code refused for account {UserId} (locked out: {LockedOut})", user.Id, lockedOut);
        return Result.Invalid(FieldError.Form, lockedOut ? Messages.TooManyFailedAttempts : Messages.WrongRecoveryCode);
    }

    /// <summary>Sets a new password with the link from the e-mail; also lifts a lockout (the person proved they own the mailbox).</summary>
    public async Task<Result> ResetPasswordAsync(string userId, string code, string password)
    {
        var user = await users.FindByIdAsync(userId);
        var token = user is null || user.IsDisabled ? null : DecodeToken(code);
        if (user is null || token is null)
        {
            return Result.Invalid(FieldError.Form, Messages.ResetLinkExpired);
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return Result.Invalid(ToErrors(result, e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : FieldError.Form));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("Password reset completed for account {UserId}", user.Id);
        return Result.Success();
    }

    /// <summary>The signed-in user's own change; the session is re-issued so it stays valid under the new stamp.</summary>
    public async Task<Result> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Result.NotFound();
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return Result.Invalid(ToErrors(result, e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "CurrentPassword" : "NewPassword"));
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed password", user.Id);
        return Result.Success();
    }

    /// <summary>Sends a reset link when the account exists, is enabled and is under its limit; a locked-out account may.</summary>
    public async Task RequestPasswordResetAsync(string email, IUrlHelper url, string scheme)
    {
        if (limits.TakePasswordReset(email) is not null)
        {
            // No 429 here: the page must look the same whether or not an e-mail went out.
            logger.LogWarning("Password reset not sent: rate limit {Policy} reached for the e-mail given", RateLimitPolicies.ForgotPasswordPerAccount);
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            logger.LogInformation("Password reset requested for an e-mail with no account");
        }
        else if (user.IsDisabled)
        {
            logger.LogWarning("Password reset refused: account {UserId} is disabled", user.Id);
        }
        else
        {
            await emails.SendPasswordResetAsync(user, url, scheme, invitation: false);
            logger.LogInformation("Password reset requested for account {UserId}", user.Id);
        }
    }

    /// <summary>Identity's descriptions come already in the reader's language (LocalizedIdentityErrorDescriber).</summary>
    private static IEnumerable<FieldError> ToErrors(IdentityResult result, Func<IdentityError, string> field) =>
        result.Errors.Select(e => new FieldError(field(e), e.Description));

    private static string? DecodeToken(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // SignInManager answers a disabled, locked-out or not-allowed account without computing any hash: those, like an
    // unknown e-mail, are refused here after checking the dummy hash instead.
    private async Task<bool> MayTryPasswordAsync(ApplicationUser user) =>
        !user.IsDisabled && !await users.IsLockedOutAsync(user) && await signIn.CanSignInAsync(user);

    private SignInResult RefuseWithoutAccount(ApplicationUser? user, string password)
    {
        dummyHash.Verify(hasher, password);
        if (user is null)
        {
            logger.LogWarning("Sign-in failed: no account for the e-mail given");
        }

        return user is null ? SignInResult.Failed : user.IsDisabled ? SignInResult.NotAllowed : SignInResult.LockedOut;
    }

    private async Task LogAsync(ApplicationUser user, SignInResult result, bool passwordChecked)
    {
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
        }
        else if (result.RequiresTwoFactor)
        {
            logger.LogInformation("Password accepted for account {UserId}; second factor required", user.Id);
        }
        else if (user.IsDisabled)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is disabled", user.Id);
        }
        else if (result.IsLockedOut && passwordChecked)
        {
            logger.LogWarning("Sign-in failed for account {UserId}: wrong password, now locked out until {LockoutEnd}", user.Id, user.LockoutEnd);
        }
        else if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is locked out until {LockoutEnd}", user.Id, user.LockoutEnd);
        }
        else if (result.IsNotAllowed)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is not allowed to sign in", user.Id);
        }
        else
        {
            logger.LogWarning("Sign-in failed for account {UserId} ({FailedCount} failures)", user.Id, await users.GetAccessFailedCountAsync(user));
        }
    }
}
