using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Accounts.TwoFactor;
using RegionalTraining.Web.Infrastructure.Security;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The signed-in user's own second factor: enrol an authenticator app, turn it off where the role allows, new
/// recovery codes. Every change renews the security stamp, so the current session is re-issued to stay valid.
/// </summary>
public sealed class TwoFactorController(
    ITwoFactorService twoFactor,
    IAccessScopeProvider scopes,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await twoFactor.GetStatusAsync(user, await scopes.GetAsync(cancellationToken)));
    }

    [HttpPost]
    public async Task<IActionResult> Start()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await twoFactor.StartEnrolmentAsync(user))
        {
            await signIn.RefreshSignInAsync(user);
        }

        return RedirectToAction(nameof(Enable));
    }

    [HttpGet]
    public async Task<IActionResult> Enable()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var model = await WithSetupAsync(user, new EnableTwoFactorViewModel());
        return model.Setup is null || user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(model);
    }

    [HttpPost]
    public async Task<IActionResult> Enable(EnableTwoFactorViewModel model)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var codes = ModelState.IsValid ? await twoFactor.EnableAsync(user, model.Code) : null;
        if (codes is null)
        {
            ModelState.AddModelError(nameof(model.Code), t["This code is not valid. Enter the current code from your authenticator app."]);
            model = await WithSetupAsync(user, model);
            return model.Setup is null || user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(model);
        }

        await signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", new RecoveryCodesViewModel(codes));
    }

    [HttpPost]
    public async Task<IActionResult> Disable(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await twoFactor.DisableAsync(user, await scopes.GetAsync(cancellationToken)))
        {
            TempData["Error"] = "Your role requires two-factor sign-in: it cannot be turned off.";
            return RedirectToAction(nameof(Index));
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "Two-factor sign-in is turned off.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        var codes = user is null ? null : await twoFactor.NewRecoveryCodesAsync(user);
        return codes is null ? RedirectToAction(nameof(Index)) : View(new RecoveryCodesViewModel(codes));
    }

    private async Task<EnableTwoFactorViewModel> WithSetupAsync(ApplicationUser user, EnableTwoFactorViewModel model)
    {
        model.Setup = await twoFactor.GetSetupAsync(user);
        model.QrCodeDataUri = model.Setup is null ? string.Empty : QrCodes.PngDataUri(model.Setup.AuthenticatorUri);
        return model;
    }
}
