using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Cooperation;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The cooperation board's first page and its partners. Directorate work only (directors get 403); a partner of
/// another directorate answers 404, as the service decides against the <see cref="AccessScope"/>.
/// </summary>
[Authorize(Policy = Policies.DirectorateWork)]
public sealed class PartnersController(ICooperationService cooperation, IReferenceDataService reference, IAccessScopeProvider scopes) : Controller
{
    [HttpGet("Cooperation")]
    public async Task<IActionResult> Index(int? directorate, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var board = await cooperation.BoardAsync(scope, scope.DirectorateInFocus(directorate), cancellationToken);
        return board.Value is null ? NotFound()
            : View(new CooperationIndexViewModel(board.Value, directorate, await reference.DirectoratesAsync(cancellationToken), scope.ChoosesDirectorate));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var partner = await cooperation.PartnerAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return partner.Value is null ? NotFound() : View(partner.Value);
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Form", await FormAsync(null, new PartnerInput(), null, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(PartnerInput input, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await cooperation.CreatePartnerAsync(await scopes.GetAsync(cancellationToken), input, cancellationToken) : null;
        return await this.RespondToFormAsync(result, Messages.PartnerSaved, () => RedirectToAction(nameof(Details), new { id = result!.Value }),
            async () => View("Form", await FormAsync(null, input, null, cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var partner = await cooperation.PartnerAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return partner.Value is not { } p ? NotFound()
            : View("Form", await FormAsync(id, PartnerFormViewModel.ToInput(p), FormTokens.Encode(p.RowVersion), cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(
        int id, PartnerInput input, [StringLength(FormTokens.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")] string? rowVersion, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid
            ? await cooperation.UpdatePartnerAsync(await scopes.GetAsync(cancellationToken), id, input, FormTokens.Decode(rowVersion), cancellationToken) : null;
        return await this.RespondToFormAsync(result, Messages.PartnerSaved, () => RedirectToAction(nameof(Details), new { id }),
            async () => View("Form", await FormAsync(id, input, result?.Value is { } stored ? FormTokens.Encode(stored) : rowVersion, cancellationToken)));
    }

    private async Task<PartnerFormViewModel> FormAsync(int? id, PartnerInput input, string? rowVersion, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var directorate = scope.IsAdministrator ? input.DirectorateId : scope.DirectorateId;
        return new PartnerFormViewModel(id, input, rowVersion, await reference.ProvincesAsync(directorate, cancellationToken),
            await reference.DirectoratesAsync(cancellationToken), scope.ChoosesDirectorate && id is null);
    }
}
