using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.Infrastructure.Security;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The second step of signing in, after the password: a code from the authenticator app, or one recovery code.
/// Identity keeps who is signing in in a short-lived cookie between the two steps. A wrong, replayed or expired
/// code gets the same message, and counts towards the lockout like a wrong password (<see cref="SignInService"/>).
/// </summary>
[AllowAnonymous]
public sealed class TwoFactorLoginController(
    SignInManager<ApplicationUser> signIn,
    SignInService accounts,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? BackToLogin(returnUrl)
            : View(new TwoFactorLoginViewModel { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Index(TwoFactorLoginViewModel model)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return BackToLogin(model.ReturnUrl);
        }

        var result = ModelState.IsValid ? await accounts.AuthenticatorSignInAsync(user, model.Code, model.RememberMe, model.RememberBrowser) : null;
        return SignedInOrAgain(result, model.ReturnUrl, model);
    }

    [HttpGet]
    public async Task<IActionResult> Recovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? BackToLogin(returnUrl)
            : View(new RecoveryCodeLoginViewModel { ReturnUrl = returnUrl });

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Recovery(RecoveryCodeLoginViewModel model)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return BackToLogin(model.ReturnUrl);
        }

        var result = ModelState.IsValid ? await accounts.RecoveryCodeSignInAsync(user, model.RecoveryCode) : null;
        return SignedInOrAgain(result, model.ReturnUrl, model);
    }

    /// <summary>Signing in is not saving a record: a refusal shows the form again (200) with the one message.</summary>
    private IActionResult SignedInOrAgain(Core.Common.Result? result, string? returnUrl, object model)
    {
        if (result?.Succeeded == true)
        {
            return LocalRedirect(AccountController.LocalOrHome(Url, returnUrl));
        }

        if (result is not null)
        {
            ModelState.AddResultErrors(result, t);
        }

        return View(model);
    }

    private RedirectToActionResult BackToLogin(string? returnUrl) => RedirectToAction("Login", "Account", new { returnUrl });
}
