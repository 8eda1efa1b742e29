using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Organisation;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>Provinces of the user's directorate (all of them for administrators, who alone edit).</summary>
public sealed class ProvincesController(
    IReferenceDataService reference,
    IAccessScopeProvider scopes) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var provinces = await reference.ProvinceListAsync(scope.ListedDirectorateId, cancellationToken);
        return View(new ProvinceIndexViewModel(provinces, scope.Has(Capability.ManageReferenceData)));
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageReferenceData)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var province = await reference.GetProvinceAsync(id, cancellationToken);
        return province is null ? NotFound() : View(await WithOptionsAsync(ProvinceFormViewModel.From(province), cancellationToken));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageReferenceData)]
    public async Task<IActionResult> Edit(int id, ProvinceFormViewModel model, CancellationToken cancellationToken)
    {
        var stored = await reference.GetProvinceAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        model.KeepStored(id, stored.Code);
        var result = ModelState.IsValid ? await reference.UpdateProvinceAsync(
            id, model.NameFr, model.NameAr, model.RegionId!.Value, FormTokens.Decode(model.RowVersion), cancellationToken) : null;
        return await this.RespondToFormAsync(result, Messages.ProvinceSaved, () => RedirectToAction(nameof(Index)),
            async () => View(await WithOptionsAsync(model.WithToken(result?.Value), cancellationToken)), nameof(model.RowVersion));
    }

    private async Task<ProvinceFormViewModel> WithOptionsAsync(ProvinceFormViewModel model, CancellationToken cancellationToken)
    {
        model.Regions = await reference.RegionsAsync(cancellationToken);
        return model;
    }
}
