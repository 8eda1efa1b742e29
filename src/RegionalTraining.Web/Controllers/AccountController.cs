using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Web.Infrastructure.Email;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>Sign-in, sign-out and password reset. Every outcome of a sign-in attempt is logged.</summary>
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    IStringLocalizer<SharedResource> t,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email);
        if (user is null)
        {
            logger.LogWarning("Sign-in failed: no account for the e-mail given");
            ModelState.AddModelError(string.Empty, t["Incorrect e-mail or password."]);
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("User {UserId} gave the right password; second factor asked", user.Id);
            return RedirectToAction("Index", "TwoFactorLogin", new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }

        if (result.IsLockedOut)
        {
            if (user.IsDisabled)
            {
                logger.LogWarning("Sign-in refused: account {UserId} is disabled", user.Id);
                ModelState.AddModelError(string.Empty, t["This account is disabled. Contact the directorate."]);
            }
            else
            {
                logger.LogWarning("Sign-in refused: account {UserId} is locked out until {LockoutEnd}", user.Id, user.LockoutEnd);
                ModelState.AddModelError(string.Empty, t["Too many failed attempts. The account is locked for 15 minutes; you can also reset your password."]);
            }

            return View(model);
        }

        logger.LogWarning("Sign-in failed for account {UserId} ({FailedCount} failures)", user.Id, await users.GetAccessFailedCountAsync(user));
        ModelState.AddModelError(string.Empty, t["Incorrect e-mail or password."]);
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
    public async Task<IActionResult> ForgotPassword(ForgotPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        // The same answer whether or not the account exists, so the form cannot be used to list accounts.
        var user = await users.FindByEmailAsync(model.Email);
        if (user is { IsDisabled: false })
        {
            await emails.SendPasswordResetAsync(user, Url, Request.Scheme, invitation: false);
            logger.LogInformation("Password reset requested for account {UserId}", user.Id);
        }

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
}
