using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

public sealed class HomeController(IAccessScopeProvider scopes) : Controller
{
    [AllowAnonymous]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        return View(new HomeViewModel(scope.IsSignedIn, scope.Has(Capability.ManageAccounts), scope.Has(Capability.DirectorateWork), scope.IsEstablishmentDirector));
    }
}
