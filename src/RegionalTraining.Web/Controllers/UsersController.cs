using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Accounts.TwoFactor;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Infrastructure.Email;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Accounts;

namespace RegionalTraining.Web.Controllers;

/// <summary>Account administration: create, set role and perimeter, disable. Administrators only.</summary>
[Authorize(Policy = Policies.ManageAccounts)]
public sealed class UsersController(
    IAccountService accounts,
    IReferenceDataService reference,
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    ITwoFactorService twoFactor) : Controller
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
        var result = ModelState.IsValid ? await accounts.CreateAsync(model.ToInput(), cancellationToken: cancellationToken) : null;
        if (result?.Value is { } userId)
        {
            await emails.SendInvitationAsync(userId, Url, Request.Scheme);
        }

        return await this.RespondToFormAsync(result, Messages.AccountCreated, () => RedirectToAction(nameof(Index)),
            async () => View("Edit", await WithOptionsAsync(model, cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(id, cancellationToken);
        return account is null ? NotFound() : View(await WithOptionsAsync(UserFormViewModel.From(account), cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, UserFormViewModel model, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        model.KeepStored(account);
        ModelState.Remove(nameof(model.Email));
        var result = ModelState.IsValid ? await accounts.UpdateAsync(id, model.ToInput(), model.ConcurrencyStamp ?? string.Empty, cancellationToken) : null;
        return await this.RespondToFormAsync(result, Messages.AccountSaved, () => RedirectToAction(nameof(Index)),
            async () => View(await WithOptionsAsync(model.WithStamp(result?.Value), cancellationToken)), nameof(model.ConcurrencyStamp));
    }

    [HttpPost]
    public async Task<IActionResult> SetDisabled(string id, bool disabled, CancellationToken cancellationToken) =>
        this.RespondWithRedirect(await accounts.SetDisabledAsync(id, disabled, cancellationToken),
            disabled ? Messages.AccountDisabled : Messages.AccountEnabled, () => RedirectToAction(nameof(Index)));

    /// <summary>For a person who lost both the app and the recovery codes. One's own goes through the two-factor page.</summary>
    [HttpPost]
    public async Task<IActionResult> ResetTwoFactor(string id) =>
        this.RespondWithRedirect(await twoFactor.ResetAsync(id, users.GetUserId(User)!), Messages.SecondFactorReset, () => RedirectToAction(nameof(Edit), new { id }));

    private async Task<UserFormViewModel> WithOptionsAsync(UserFormViewModel model, CancellationToken cancellationToken)
    {
        model.Directorates = await reference.DirectoratesAsync(cancellationToken);
        model.Establishments = await reference.EstablishmentsAsync(cancellationToken);
        model.TwoFactorEnabled = model.Id is not null && await twoFactor.IsEnabledAsync(model.Id, cancellationToken);
        return model;
    }
}
