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
/// Partners' offers, the needs they could answer, the offers a need could get, and the links staff make between
/// them. Directorate work only; anything of another directorate answers 404 (the service's check).
/// </summary>
[Authorize(Policy = Policies.DirectorateWork)]
public sealed class OffersController(ICooperationService cooperation, IReferenceDataService reference, IAccessScopeProvider scopes) : Controller
{
    [HttpGet("Partners/{id:int}/Offers/Create")]
    public async Task<IActionResult> Create(int id, CancellationToken cancellationToken)
    {
        var partner = await cooperation.PartnerAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return partner.Value is not { } p ? NotFound() : View("Form", await FormAsync(null, p.Id, p.NameFr, p.NameAr, p.DirectorateId, new OfferInput(), null, cancellationToken));
    }

    [HttpPost("Partners/{id:int}/Offers/Create")]
    public async Task<IActionResult> Create(int id, OfferInput input, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var partner = await cooperation.PartnerAsync(scope, id, cancellationToken);
        var result = partner.Value is null ? Result.NotFound().With<int>() : ModelState.IsValid ? await cooperation.CreateOfferAsync(scope, id, input, cancellationToken) : null;
        return await this.RespondToFormAsync(result, Messages.OfferSaved, () => RedirectToAction(nameof(Suggestions), new { id = result!.Value }),
            async () => View("Form", await FormAsync(null, id, partner.Value!.NameFr, partner.Value.NameAr, partner.Value.DirectorateId, input, null, cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var offer = await cooperation.OfferAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return offer.Value is not { } o ? NotFound()
            : View("Form", await FormAsync(id, o.Row.PartnerId, o.Row.PartnerFr, o.Row.PartnerAr, o.DirectorateId, o.ToInput(), FormTokens.Encode(o.RowVersion), cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(
        int id, OfferInput input, [StringLength(FormTokens.MaximumLength, ErrorMessage = "The {0} field must have at most {1} characters.")] string? rowVersion, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var offer = await cooperation.OfferAsync(scope, id, cancellationToken);
        var result = offer.Value is null ? Result.NotFound().With<byte[]>()
            : ModelState.IsValid ? await cooperation.UpdateOfferAsync(scope, id, input, FormTokens.Decode(rowVersion), cancellationToken) : null;
        return await this.RespondToFormAsync(result, Messages.OfferSaved, () => RedirectToAction(nameof(Suggestions), new { id }),
            async () => View("Form", await FormAsync(id, offer.Value!.Row.PartnerId, offer.Value.Row.PartnerFr, offer.Value.Row.PartnerAr, offer.Value.DirectorateId, input,
                result?.Value is { } stored ? FormTokens.Encode(stored) : rowVersion, cancellationToken)));
    }

    [HttpGet]
    public async Task<IActionResult> Suggestions(int id, CancellationToken cancellationToken)
    {
        var suggestions = await cooperation.SuggestNeedsAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return suggestions.Value is null ? NotFound() : View(suggestions.Value);
    }

    [HttpGet("Cooperation/Needs/{id:int}")]
    public async Task<IActionResult> ForNeed(int id, CancellationToken cancellationToken)
    {
        var offers = await cooperation.SuggestOffersAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return offers.Value is null ? NotFound() : View(offers.Value);
    }

    [HttpPost]
    public async Task<IActionResult> Link(int id, int needId, bool fromNeed, CancellationToken cancellationToken)
    {
        var result = await cooperation.LinkAsync(await scopes.GetAsync(cancellationToken), id, needId, cancellationToken);
        return this.RespondWithRedirect(result, Messages.OfferLinked, () => Back(id, needId, fromNeed));
    }

    [HttpPost]
    public async Task<IActionResult> Unlink(int id, int needId, bool fromNeed, CancellationToken cancellationToken)
    {
        var result = await cooperation.UnlinkAsync(await scopes.GetAsync(cancellationToken), id, needId, cancellationToken);
        return this.RespondWithRedirect(result, Messages.OfferUnlinked, () => Back(id, needId, fromNeed));
    }

    private RedirectToActionResult Back(int offerId, int needId, bool fromNeed) =>
        fromNeed ? RedirectToAction(nameof(ForNeed), new { id = needId }) : RedirectToAction(nameof(Suggestions), new { id = offerId });

    private async Task<OfferFormViewModel> FormAsync(
        int? id, int partnerId, string partnerFr, string? partnerAr, int directorateId, OfferInput input, string? rowVersion, CancellationToken cancellationToken)
    {
        var establishments = (await reference.EstablishmentsAsync(cancellationToken)).Where(e => e.GroupId == directorateId).ToList();
        return new OfferFormViewModel(id, partnerId, partnerFr, partnerAr, input, rowVersion, await reference.ProvincesAsync(directorateId, cancellationToken), establishments);
    }
}
