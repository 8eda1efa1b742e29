using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.Infrastructure.Security;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>Sign-in, sign-out and password reset. Every outcome of a sign-in attempt is logged (by <see cref="SignInService"/>).</summary>
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    SignInService accounts,
    IStringLocalizer<SharedResource> t,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var attempt = await accounts.PasswordSignInAsync(model.Email, model.Password, model.RememberMe);
        ModelState.AddResultErrors(attempt.Outcome, t);
        return AfterSignIn(attempt, model);
    }

    /// <summary>Without an antiforgery token, refused when a browser says it comes from another site (decision 0037).</summary>
    [HttpPost]
    [IgnoreAntiforgeryToken]
    [SameOriginOnly]
    public async Task<IActionResult> Logout()
    {
        var userId = users.GetUserId(User);
        await signIn.SignOutAsync();
        logger.LogInformation("User {UserId} signed out", userId);
        return RedirectToAction("Index", "Home");
    }

    [AllowAnonymous]
    [HttpGet]
    public IActionResult ForgotPassword() => View(new ForgotPasswordViewModel());

    [AllowAnonymous]
    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.ForgotPassword)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        // The same page whether an e-mail was sent or not (no account, disabled, over the per-account limit), so the
        // form cannot be used to list accounts.
        await accounts.RequestPasswordResetAsync(model.Email, Url, Request.Scheme);
        return View("ForgotPasswordConfirmation");
    }

    [AllowAnonymous]
    [HttpGet]
    public IActionResult ResetPassword(string? userId, string? code) =>
        string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)
            ? BadRequest()
            : View(new ResetPasswordViewModel { UserId = userId, Code = code });

    [AllowAnonymous]
    [HttpPost]
    public async Task<IActionResult> ResetPassword(ResetPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await accounts.ResetPasswordAsync(model.UserId, model.Code, model.Password);
        return await this.RespondAsync(result, null, () => View("ResetPasswordConfirmation"), () => Task.FromResult<IActionResult>(View(model)));
    }

    [HttpGet]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [HttpPost]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await accounts.ChangePasswordAsync(User, model.CurrentPassword, model.NewPassword);
        return await this.RespondAsync(result, Messages.PasswordChanged, () => RedirectToAction("Index", "Home"), () => Task.FromResult<IActionResult>(View(model)));
    }

    private IActionResult AfterSignIn(PasswordSignInAttempt attempt, LoginViewModel model) => attempt switch
    {
        { RetryAfter: { } wait } => TooManyRequests(RateLimitPolicies.SignInPerAccount, wait),
        { Result.Succeeded: true } => LocalRedirect(LocalOrHome(Url, model.ReturnUrl)),
        { Result.RequiresTwoFactor: true } => RedirectToAction("Index", "TwoFactorLogin", new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe }),
        _ => View(model),
    };

    /// <summary>Only an address inside the portal: a link cannot send the person elsewhere after signing in.</summary>
    internal static string LocalOrHome(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/";

    private StatusCodeResult TooManyRequests(string policy, TimeSpan retryAfter)
    {
        RateLimitingSetup.Refuse(HttpContext, policy, retryAfter);
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
