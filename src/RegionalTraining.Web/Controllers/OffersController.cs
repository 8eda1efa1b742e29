using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure.Results;
using RegionalTraining.Web.ViewModels.Cooperation;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// Partners' offers, the needs and constraints they could answer, the offers an item could get, and the links
/// staff make between them (the item's type and id posted with the offer's id). Directorate work only; anything of another directorate answers 404 (the service's check).
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
        var suggestions = await cooperation.SuggestItemsAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken);
        return suggestions.Value is null ? NotFound() : View(suggestions.Value);
    }

    [HttpGet("Cooperation/{type}/{id:int}")]
    public async Task<IActionResult> ForItem(ItemType type, int id, CancellationToken cancellationToken)
    {
        var offers = await cooperation.SuggestOffersAsync(await scopes.GetAsync(cancellationToken), new RegisterItemKey(type, id), cancellationToken);
        return offers.Value is null ? NotFound() : View(offers.Value);
    }

    [HttpPost]
    public async Task<IActionResult> Link(int id, ItemType type, int itemId, bool fromItem, CancellationToken cancellationToken)
    {
        var result = await cooperation.LinkAsync(await scopes.GetAsync(cancellationToken), id, new RegisterItemKey(type, itemId), cancellationToken);
        return this.RespondWithRedirect(result, Messages.OfferLinked, () => Back(id, type, itemId, fromItem));
    }

    [HttpPost]
    public async Task<IActionResult> Unlink(int id, ItemType type, int itemId, bool fromItem, CancellationToken cancellationToken)
    {
        var result = await cooperation.UnlinkAsync(await scopes.GetAsync(cancellationToken), id, new RegisterItemKey(type, itemId), cancellationToken);
        return this.RespondWithRedirect(result, Messages.OfferUnlinked, () => Back(id, type, itemId, fromItem));
    }

    private RedirectToActionResult Back(int offerId, ItemType type, int itemId, bool fromItem) =>
        fromItem ? RedirectToAction(nameof(ForItem), new { type, id = itemId }) : RedirectToAction(nameof(Suggestions), new { id = offerId });

    private async Task<OfferFormViewModel> FormAsync(
        int? id, int partnerId, string partnerFr, string? partnerAr, int directorateId, OfferInput input, string? rowVersion, CancellationToken cancellationToken)
    {
        var establishments = (await reference.EstablishmentsAsync(cancellationToken)).Where(e => e.GroupId == directorateId).ToList();
        return new OfferFormViewModel(id, partnerId, partnerFr, partnerAr, input, rowVersion, await reference.ProvincesAsync(directorateId, cancellationToken), establishments);
    }
}
