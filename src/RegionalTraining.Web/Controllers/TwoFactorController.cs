using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Accounts.TwoFactor;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.Results;
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
    SignInManager<ApplicationUser> signIn) : Controller
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

        await SessionRenewedAsync(user, await twoFactor.StartEnrolmentAsync(user));
        return RedirectToAction(nameof(Enable));
    }

    [HttpGet]
    public async Task<IActionResult> Enable()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await EnrolmentPageAsync(user, new EnableTwoFactorViewModel());
    }

    [HttpPost]
    public async Task<IActionResult> Enable(EnableTwoFactorViewModel model)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = ModelState.IsValid ? await SessionRenewedAsync(user, await twoFactor.EnableAsync(user, model.Code)) : null;
        return await this.RespondToFormAsync(result, null, () => View("RecoveryCodes", new RecoveryCodesViewModel(result!.Value!)), () => EnrolmentPageAsync(user, model));
    }

    [HttpPost]
    public async Task<IActionResult> Disable(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await SessionRenewedAsync(user, await twoFactor.DisableAsync(user, await scopes.GetAsync(cancellationToken)));
        return this.RespondWithRedirect(result, Messages.TwoFactorTurnedOff, () => RedirectToAction(nameof(Index)));
    }

    [HttpPost]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        var result = user is null ? null : await twoFactor.NewRecoveryCodesAsync(user);
        return result?.Value is { } codes ? View(new RecoveryCodesViewModel(codes)) : RedirectToAction(nameof(Index));
    }

    /// <summary>A change renews the security stamp: after a success the session is re-issued so that it stays valid.</summary>
    private async Task<TResult> SessionRenewedAsync<TResult>(ApplicationUser user, TResult result)
        where TResult : Result
    {
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return result;
    }

    /// <summary>The enrolment page, or the two-factor page once there is nothing (left) to enrol.</summary>
    private async Task<IActionResult> EnrolmentPageAsync(ApplicationUser user, EnableTwoFactorViewModel model)
    {
        model.WithSetup(await twoFactor.GetSetupAsync(user));
        return model.Setup is null || user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(nameof(Enable), model);
    }
}
