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

/// <summary>The national programme catalogue: everyone signed in reads it, administrators maintain it.</summary>
public sealed class ProgrammesController(
    IReferenceDataService reference,
    IAccessScopeProvider scopes) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? sector, TrainingLevel? level, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var result = await reference.ProgrammesAsync(new ProgrammeFilter(sector, level, q, page, ArabicOrder: LayoutHelpers.IsRtl), cancellationToken);
        var sectors = await reference.SectorsAsync(cancellationToken);
        return View(new ProgrammeIndexViewModel(result, sectors, sector, level, q, scope.Has(Capability.ManageReferenceData)));
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageReferenceData)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await WithOptionsAsync(new ProgrammeFormViewModel(), cancellationToken));

    [HttpPost]
    [Authorize(Policy = Policies.ManageReferenceData)]
    public Task<IActionResult> Create(ProgrammeFormViewModel model, CancellationToken cancellationToken)
    {
        model.Id = null;
        return SaveAsync(model, cancellationToken);
    }

    [HttpGet]
    [Authorize(Policy = Policies.ManageReferenceData)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var programme = await reference.GetProgrammeAsync(id, cancellationToken);
        return programme is null ? NotFound() : View(await WithOptionsAsync(ProgrammeFormViewModel.From(programme), cancellationToken));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ManageReferenceData)]
    public Task<IActionResult> Edit(int id, ProgrammeFormViewModel model, CancellationToken cancellationToken)
    {
        model.Id = id;
        return SaveAsync(model, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(ProgrammeFormViewModel model, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptionsAsync(model, cancellationToken));
        }

        var result = await reference.SaveProgrammeAsync(model.Id, model.ToInput(), FormTokens.Decode(model.RowVersion), cancellationToken);
        return await this.RespondAsync(result, Messages.ProgrammeSaved, () => RedirectToAction(nameof(Index)),
            async () =>
            {
                model.RowVersion = result.Value is null ? model.RowVersion : FormTokens.Encode(result.Value);
                return View("Edit", await WithOptionsAsync(model, cancellationToken));
            },
            nameof(model.RowVersion));
    }

    private async Task<ProgrammeFormViewModel> WithOptionsAsync(ProgrammeFormViewModel model, CancellationToken cancellationToken)
    {
        model.Sectors = await reference.SectorsAsync(cancellationToken);
        return model;
    }
}
