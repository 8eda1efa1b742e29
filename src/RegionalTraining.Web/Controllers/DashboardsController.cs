using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Dashboards;
using RegionalTraining.Web.Infrastructure.Export;
using RegionalTraining.Web.Infrastructure.Performance;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Dashboards;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The directorate dashboard. Filters live in the address, so a view can be bookmarked and shared; a
/// directorate outside the user's reach answers 404 whatever the address says (<see cref="IDashboardService.PageAsync"/>).
/// Figures come from the cache of <see cref="IDashboardService"/>, so an export reads the dashboard the page showed
/// instead of recomputing it.
/// </summary>
public sealed class DashboardsController(IDashboardService dashboards, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] DashboardQuery query, CancellationToken cancellationToken)
    {
        var page = await dashboards.PageAsync(query, cancellationToken);
        // Served as rendered for the same key, language, person and address (docs/decisions/0038): the access check and
        // the figures stamp above are read from the database on every request; only the rendering is saved.
        return page is null ? NotFound() : this.RenderedView(page.RenderKey, new DashboardViewModel(page, () => DashboardTables.Build(page.Dashboard, t, Url)));
    }

    [HttpGet]
    [EnableRateLimiting(RateLimitPolicies.Exports)]
    public async Task<IActionResult> Export([FromQuery] DashboardQuery query, string table, string format, CancellationToken cancellationToken)
    {
        var dashboard = TableFiles.IsFormat(format) ? await dashboards.FiguresAsync(query, cancellationToken) : null;
        var found = dashboard is null ? null : DashboardTables.Build(dashboard, t, Url).SingleOrDefault(x => x.Id == table);
        return found is null ? NotFound() : this.TableFile(found.Table, $"regionaltraining-{found.Id}-{dashboard!.Filter.StartYear}", format);
    }
}
