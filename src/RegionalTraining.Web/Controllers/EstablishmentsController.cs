using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.Infrastructure.Security;
using RegionalTraining.Web.ViewModels.Organisation;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>The establishment directory. Every action that takes an id asks the authorization handler first.</summary>
public sealed class EstablishmentsController(
    IEstablishmentDirectory directory,
    IReferenceDataService reference,
    IAccessScopeProvider scopes,
    IAuthorizationService authorization,
    RegionalTraining.Core.Profiles.IProfileService profiles,
    RegionalTraining.Core.NeedsAndConstraints.IFollowUpService followUp) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? province, EstablishmentType? type, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var result = await directory.SearchAsync(scope, new EstablishmentFilter(province, type, q, page, ArabicOrder: LayoutHelpers.IsRtl), cancellationToken);
        var provinces = await reference.ProvincesAsync(scope.ListedDirectorateId, cancellationToken);
        return View(new EstablishmentIndexViewModel(result, provinces, province, type, q, scope.CanEditStructure));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, EstablishmentOperations.Read, cancellationToken) is { } denied)
        {
            return denied;
        }

        var details = await directory.GetAsync(id, cancellationToken);
        var canEdit = (await authorization.AuthorizeAsync(User, details!.Ref, EstablishmentOperations.Edit)).Succeeded;
        var items = await followUp.OfEstablishmentAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return View(new EstablishmentDetailsViewModel(details, canEdit, await profiles.ListForEstablishmentAsync(id, cancellationToken), items.Value ?? []));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, EstablishmentOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        var model = EstablishmentFormViewModel.From((await directory.GetAsync(id, cancellationToken))!);
        return View(await WithOptionsAsync(model, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, EstablishmentFormViewModel model, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, EstablishmentOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        var scope = await scopes.GetAsync(cancellationToken);
        await KeepStoredStructureUnlessAdministratorAsync(scope, id, model, cancellationToken);
        var result = ModelState.IsValid ? await directory.UpdateAsync(scope, id, model.ToUpdate(), FormTokens.Decode(model.RowVersion), cancellationToken) : null;
        return await this.RespondToFormAsync(result, Messages.EstablishmentSaved, () => RedirectToAction(nameof(Details), new { id }),
            async () => View(await WithOptionsAsync(model.ShowingStored(result?.Value), cancellationToken)), nameof(model.RowVersion));
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageReferenceData)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await WithOptionsAsync(new EstablishmentFormViewModel(), cancellationToken));

    [HttpPost]
    [Authorize(Policy = Policies.ManageReferenceData)]
    public async Task<IActionResult> Create(EstablishmentFormViewModel model, CancellationToken cancellationToken)
    {
        model.Id = null;
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(model, cancellationToken));
        }

        var result = await directory.CreateAsync(await scopes.GetAsync(cancellationToken), model.ToUpdate(), cancellationToken);
        return await this.RespondAsync(result, Messages.EstablishmentSaved, () => RedirectToAction(nameof(Details), new { id = result.Value }),
            async () => View("Edit", await WithOptionsAsync(model, cancellationToken)));
    }

    /// <summary>404 when the establishment does not exist, 403 when it is outside the user's perimeter.</summary>
    private async Task<IActionResult?> AuthorizeAsync(int id, OperationAuthorizationRequirement operation, CancellationToken cancellationToken) =>
        await this.DeniedAsync(authorization, await directory.GetRefAsync(id, cancellationToken), operation);

    private async Task<EstablishmentFormViewModel> WithOptionsAsync(EstablishmentFormViewModel model, CancellationToken cancellationToken) =>
        model.WithOptions((await scopes.GetAsync(cancellationToken)).CanEditStructure,
            await reference.ProvincesAsync(cancellationToken: cancellationToken), await reference.ComplexesAsync(cancellationToken));

    /// <summary>Non-administrators never change structure: what the form says about it is ignored, not trusted.</summary>
    private async Task KeepStoredStructureUnlessAdministratorAsync(AccessScope scope, int id, EstablishmentFormViewModel model, CancellationToken cancellationToken)
    {
        if (!scope.CanEditStructure)
        {
            model.KeepStructureOf(EstablishmentFormViewModel.From((await directory.GetAsync(id, cancellationToken))!), ModelState);
        }
    }
}
