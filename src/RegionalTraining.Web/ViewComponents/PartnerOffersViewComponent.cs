using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Web.ViewModels.Cooperation;

namespace RegionalTraining.Web.ViewComponents;

/// <summary>
/// The partners' offers linked to a need or a constraint, on the item's register page. Whoever reads the item sees
/// the partner and the offer (never a contact); the directorate's members also get the way to the suggestions.
/// </summary>
public sealed class PartnerOffersViewComponent(ICooperationService cooperation, IAccessScopeProvider scopes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(RegisterItemKey item)
    {
        var scope = await scopes.GetAsync(HttpContext.RequestAborted);
        var offers = await cooperation.LinkedToItemAsync(scope, item, HttpContext.RequestAborted);
        return View("~/Views/Register/_PartnerOffers.cshtml", new PartnerOffersViewModel(item, offers, scope.Has(Capability.DirectorateWork)));
    }
}
