using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Accounts.TwoFactor;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Infrastructure.Email;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>Account administration: create, set role and perimeter, disable. Administrators only.</summary>
[Authorize(Policy = Policies.ManageAccounts)]
public sealed class UsersController(
    IAccountService accounts,
    IReferenceDataService reference,
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    ITwoFactorService twoFactor,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new UserIndexViewModel(await accounts.ListAsync(cancellationToken), users.GetUserId(User)));

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await WithOptionsAsync(new UserFormViewModel(), cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(UserFormViewModel model, CancellationToken cancellationToken)
    {
        model.Id = null;
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(model, cancellationToken));
        }

        var result = await accounts.CreateAsync(model.ToInput(), cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View("Edit", await WithOptionsAsync(model, cancellationToken));
        }

        var user = await users.FindByIdAsync(result.UserId!);
        await emails.SendPasswordResetAsync(user!, Url, Request.Scheme, invitation: true);
        TempData["Status"] = "The account was created and an invitation e-mail was sent.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        var model = new UserFormViewModel
        {
            Id = account.Id, Email = account.Email, DisplayName = account.DisplayName, Role = account.Role ?? Roles.EstablishmentDirector,
            DirectorateId = account.DirectorateId, EstablishmentIds = account.EstablishmentIds.ToList(),
            IsDisabled = account.IsDisabled, ConcurrencyStamp = account.ConcurrencyStamp,
        };
        return View(await WithOptionsAsync(model, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserFormViewModel model, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        // The e-mail is the sign-in name: it is not changed from this form.
        model.Id = id;
        model.Email = account.Email;
        model.IsDisabled = account.IsDisabled;
        ModelState.Remove(nameof(model.Email));
        if (!ModelState.IsValid)
        {
            return View(await WithOptionsAsync(model, cancellationToken));
        }

        var result = await accounts.UpdateAsync(id, model.ToInput(), model.ConcurrencyStamp ?? string.Empty, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            ModelState.Remove(nameof(model.ConcurrencyStamp));
            model.ConcurrencyStamp = account.ConcurrencyStamp;
            return View(await WithOptionsAsync(model, cancellationToken));
        }

        TempData["Status"] = "The account was saved.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> SetDisabled(string id, bool disabled, CancellationToken cancellationToken)
    {
        var result = await accounts.SetDisabledAsync(id, disabled, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Errors.Values.Contains(AccountService.NotFoundMessage))
            {
                return NotFound();
            }

            TempData["Error"] = result.Errors.Values.First();
            return RedirectToAction(nameof(Index));
        }

        TempData["Status"] = disabled ? "The account was disabled and its open sessions will be closed." : "The account was enabled.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>For a person who lost both the app and the recovery codes. One's own goes through the two-factor page.</summary>
    [HttpPost]
    public async Task<IActionResult> ResetTwoFactor(string id)
    {
        var administratorId = users.GetUserId(User)!;
        if (id == administratorId)
        {
            TempData["Error"] = "Manage your own second factor from your two-factor sign-in page.";
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (!await twoFactor.ResetAsync(id, administratorId))
        {
            return NotFound();
        }

        TempData["Status"] = "The second factor was reset: the person signs in with the password and enrols again.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    private void AddErrors(AccountResult result)
    {
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, t[message]);
        }
    }

    private async Task<UserFormViewModel> WithOptionsAsync(UserFormViewModel model, CancellationToken cancellationToken)
    {
        model.Directorates = await reference.DirectoratesAsync(cancellationToken);
        model.Establishments = await reference.EstablishmentsAsync(cancellationToken);
        model.TwoFactorEnabled = model.Id is not null && await twoFactor.IsEnabledAsync(model.Id, cancellationToken);
        return model;
    }
}
