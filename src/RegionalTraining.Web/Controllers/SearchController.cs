using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Search;
using RegionalTraining.Web.ViewModels.Search;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// Search for signed-in users: published meetings, and within the caller's perimeter establishments, meetings,
/// decisions, needs and constraints (the index filters by the scope). The public searches the archive.
/// </summary>
public sealed class SearchController(ISearchIndex index, IAccessScopeProvider scopes) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        return View(new SearchPageViewModel(await index.SearchAsync(scope, new SearchRequest(q, Page: page), cancellationToken), q));
    }
}
