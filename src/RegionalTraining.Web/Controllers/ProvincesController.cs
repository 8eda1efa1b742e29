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
        if (!ModelState.IsValid)
        {
            return View(await WithOptionsAsync(model, cancellationToken));
        }

        var result = await reference.UpdateProvinceAsync(id, model.NameFr, model.NameAr, model.RegionId!.Value, FormTokens.Decode(model.RowVersion), cancellationToken);
        return await this.RespondAsync(result, Messages.ProvinceSaved, () => RedirectToAction(nameof(Index)),
            () => RedisplayAsync(model, result.Value, cancellationToken), nameof(model.RowVersion));
    }

    /// <summary>After a conflict the form carries the stored token: the next save is a deliberate overwrite.</summary>
    private async Task<IActionResult> RedisplayAsync(ProvinceFormViewModel model, byte[]? storedToken, CancellationToken cancellationToken)
    {
        model.RowVersion = storedToken is null ? model.RowVersion : FormTokens.Encode(storedToken);
        return View(await WithOptionsAsync(model, cancellationToken));
    }

    private async Task<ProvinceFormViewModel> WithOptionsAsync(ProvinceFormViewModel model, CancellationToken cancellationToken)
    {
        model.Regions = await reference.RegionsAsync(cancellationToken);
        return model;
    }
}
