using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Resources;
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
    IStringLocalizer<SharedResource> t) : Controller
{
    public const string ConflictMessage = "Someone else saved this establishment after you opened it. Your changes were not saved and are still below; the value now saved is shown under each field that differs. Check them and save again.";

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
        return View(new EstablishmentDetailsViewModel(details, canEdit, await profiles.ListForEstablishmentAsync(id, cancellationToken)));
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
        var stored = EstablishmentFormViewModel.From((await directory.GetAsync(id, cancellationToken))!);
        if (!scope.CanEditStructure)
        {
            // Non-administrators never change structure: what the form says about it is ignored, not trusted.
            CopyStructure(stored, model);
            foreach (var key in new[] { nameof(model.Code), nameof(model.Type), nameof(model.ProvinceId), nameof(model.ComplexId), nameof(model.NameFr), nameof(model.NameAr), nameof(model.IsActive) })
            {
                ModelState.Remove(key);
            }
        }

        if (!ModelState.IsValid)
        {
            return View(await WithOptionsAsync(model, cancellationToken));
        }

        var rowVersion = FormTokens.Decode(model.RowVersion);
        var result = await directory.UpdateAsync(scope, id, model.ToUpdate(), rowVersion, cancellationToken);
        switch (result.Status)
        {
            case SaveStatus.Saved:
                TempData["Status"] = "The establishment was saved.";
                return RedirectToAction(nameof(Details), new { id });
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Conflict:
                ModelState.AddModelError(string.Empty, t[ConflictMessage]);
                model.CurrentValues = EstablishmentFormViewModel.Differences(model, stored);
                ModelState.Remove(nameof(model.RowVersion));
                model.RowVersion = stored.RowVersion;
                return View(await WithOptionsAsync(model, cancellationToken));
            default:
                AddErrors(result);
                return View(await WithOptionsAsync(model, cancellationToken));
        }
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
        if (result.Status == SaveStatus.Saved)
        {
            TempData["Status"] = "The establishment was saved.";
            return RedirectToAction(nameof(Details), new { id = result.Id });
        }

        AddErrors(result);
        return View("Edit", await WithOptionsAsync(model, cancellationToken));
    }

    /// <summary>404 when the establishment does not exist, 403 when it is outside the user's perimeter.</summary>
    private async Task<IActionResult?> AuthorizeAsync(int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var reference = await directory.GetRefAsync(id, cancellationToken);
        if (reference is null)
        {
            return NotFound();
        }

        var result = await authorization.AuthorizeAsync(User, reference.Value, operation);
        return result.Succeeded ? null : Forbid();
    }

    private async Task<EstablishmentFormViewModel> WithOptionsAsync(EstablishmentFormViewModel model, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        model.CanEditStructure = scope.CanEditStructure;
        model.Provinces = await reference.ProvincesAsync(cancellationToken: cancellationToken);
        model.Complexes = await reference.ComplexesAsync(cancellationToken);
        return model;
    }

    private void AddErrors(SaveResult result)
    {
        foreach (var (field, message) in result.Errors ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError(field, t[message]);
        }
    }

    private static void CopyStructure(EstablishmentFormViewModel from, EstablishmentFormViewModel to)
    {
        to.Code = from.Code;
        to.Type = from.Type;
        to.ProvinceId = from.ProvinceId;
        to.ComplexId = from.ComplexId;
        to.NameFr = from.NameFr;
        to.NameAr = from.NameAr;
        to.IsActive = from.IsActive;
    }
}
