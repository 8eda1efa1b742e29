using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Web.Infrastructure.Email;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>The outcome of a sign-in form; <see cref="RetryAfter"/> is set when the e-mail is over its limit.</summary>
public sealed record PasswordSignInAttempt(SignInResult Result, TimeSpan? RetryAfter = null);

/// <summary>
/// Password sign-in and reset requests, answering alike whether or not the account exists, is locked out or is
/// disabled: the same result to the page and one password verification per attempt. Only the log tells them apart.
/// </summary>
public sealed class SignInService(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    DummyPasswordHash dummyHash,
    AccountRateLimits limits,
    AccountEmails emails,
    ILogger<SignInService> logger)
{
    public async Task<PasswordSignInAttempt> PasswordSignInAsync(string email, string password, bool persistent)
    {
        if (limits.SignInBlockedFor(email) is { } wait)
        {
            return new PasswordSignInAttempt(SignInResult.Failed, wait);
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
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            limits.CountFailedSignIn(email);
        }

        return new PasswordSignInAttempt(result);
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
