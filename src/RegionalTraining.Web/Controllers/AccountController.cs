using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.Infrastructure.Security;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>Sign-in, sign-out and password reset. Every outcome of a sign-in attempt is logged (by <see cref="SignInService"/>).</summary>
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    SignInService accounts,
    IOptions<IdentityOptions> identity,
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
        if (attempt.RetryAfter is { } wait)
        {
            return TooManyRequests(RateLimitPolicies.SignInPerAccount, wait);
        }

        if (attempt.Result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
        }

        if (attempt.Result.RequiresTwoFactor)
        {
            return RedirectToAction("Index", "TwoFactorLogin", new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }

        // Unknown e-mail, wrong password, locked out or disabled: one answer, so the form cannot tell accounts apart
        // (the log can).
        ModelState.AddModelError(string.Empty, SignInRefused());
        return View(model);
    }

    [HttpPost]
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

        var user = await users.FindByIdAsync(model.UserId);
        if (user is null || user.IsDisabled)
        {
            ModelState.AddModelError(string.Empty, t["This link has expired or was already used. Ask for a new one."]);
            return View(model);
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(model.Code));
        }
        catch (FormatException)
        {
            ModelState.AddModelError(string.Empty, t["This link has expired or was already used. Ask for a new one."]);
            return View(model);
        }

        var result = await users.ResetPasswordAsync(user, token, model.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(model.Password) : string.Empty, t[error.Description]);
            }

            return View(model);
        }

        // A reset also lifts a lockout: the person proved they own the mailbox.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("Password reset completed for account {UserId}", user.Id);
        return View("ResetPasswordConfirmation");
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

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword), t[error.Description]);
            }

            return View(model);
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed password", user.Id);
        TempData["Status"] = "Your password was changed.";
        return RedirectToAction("Index", "Home");
    }

    private string SignInRefused()
    {
        var lockout = identity.Value.Lockout;
        return t["Incorrect e-mail or password. After {0} failed attempts an account is locked for {1} minutes; \"Forgot your password?\" unlocks it at once.",
            lockout.MaxFailedAccessAttempts, (int)lockout.DefaultLockoutTimeSpan.TotalMinutes];
    }

    private StatusCodeResult TooManyRequests(string policy, TimeSpan retryAfter)
    {
        RateLimitingSetup.Refuse(HttpContext, policy, retryAfter);
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
