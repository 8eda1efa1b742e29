using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The second step of signing in, after the password: a code from the authenticator app, or one recovery code.
/// Identity keeps who is signing in in a short-lived cookie between the two steps. A wrong, replayed or expired
/// code gets the same message, and counts towards the lockout like a wrong password.
/// </summary>
[AllowAnonymous]
public sealed class TwoFactorLoginController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> t,
    ILogger<TwoFactorLoginController> logger) : Controller
{
    private const string WrongCode = "This code is not valid. Enter the current code from your authenticator app.";
    private const string LockedOut = "Too many failed attempts. Try again in 15 minutes.";

    [HttpGet]
    public async Task<IActionResult> Index(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction("Login", "Account", new { returnUrl })
            : View(new TwoFactorLoginViewModel { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Index(TwoFactorLoginViewModel model)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction("Login", "Account", new { returnUrl = model.ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(model.Code, model.RememberMe, model.RememberBrowser);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with an authenticator code", user.Id);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
        }

        logger.LogWarning("Second factor refused for account {UserId} (locked out: {LockedOut})", user.Id, result.IsLockedOut);
        ModelState.AddModelError(string.Empty, t[result.IsLockedOut ? LockedOut : WrongCode]);
        return View(model);
    }

    [HttpGet]
    public async Task<IActionResult> Recovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction("Login", "Account", new { returnUrl })
            : View(new RecoveryCodeLoginViewModel { ReturnUrl = returnUrl });

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Recovery(RecoveryCodeLoginViewModel model)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction("Login", "Account", new { returnUrl = model.ReturnUrl });
        }

        // Identity neither checks the lockout here nor counts wrong recovery codes against it: this does both.
        var lockedOut = await users.IsLockedOutAsync(user);
        var result = !ModelState.IsValid || lockedOut ? null : await signIn.TwoFactorRecoveryCodeSignInAsync(model.RecoveryCode.Trim());
        if (result?.Succeeded == true)
        {
            logger.LogWarning("User {UserId} signed in with a recovery code ({Left} left)", user.Id, await users.CountRecoveryCodesAsync(user));
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
        }

        if (result is not null)
        {
            lockedOut = await RecordFailureAsync(user);
        }

        ModelState.AddModelError(string.Empty, t[lockedOut ? LockedOut : "This recovery code is not valid or was already used."]);
        return View(model);
    }

    private async Task<bool> RecordFailureAsync(ApplicationUser user)
    {
        await users.AccessFailedAsync(user);
        var lockedOut = await users.IsLockedOutAsync(user);
        logger.LogWarning("Recovery code refused for account {UserId} (locked out: {LockedOut})", user.Id, lockedOut);
        return lockedOut;
    }
}
