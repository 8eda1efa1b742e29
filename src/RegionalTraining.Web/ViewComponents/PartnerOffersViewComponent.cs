using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Web.ViewModels.Cooperation;

namespace RegionalTraining.Web.ViewComponents;

/// <summary>
/// The partners' offers linked to a need, on the need's register page. Whoever reads the need sees the partner and
/// the offer (never a contact); the directorate's members also get the way to the suggestions.
/// </summary>
public sealed class PartnerOffersViewComponent(ICooperationService cooperation, IAccessScopeProvider scopes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int needId)
    {
        var scope = await scopes.GetAsync(HttpContext.RequestAborted);
        var offers = await cooperation.LinkedToNeedAsync(scope, needId, HttpContext.RequestAborted);
        return View("~/Views/Register/_PartnerOffers.cshtml", new PartnerOffersViewModel(needId, offers, scope.Has(Capability.DirectorateWork)));
    }
}
