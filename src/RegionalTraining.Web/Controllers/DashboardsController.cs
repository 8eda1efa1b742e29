using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Dashboards;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure.Export;
using RegionalTraining.Web.Infrastructure.RateLimiting;
using RegionalTraining.Web.Resources;
using RegionalTraining.Web.ViewModels.Dashboards;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// The directorate dashboard. Filters live in the address, so a view can be bookmarked and shared; a
/// directorate outside the user's reach answers 404 whatever the address says. Figures come from the cache of
/// <see cref="IDashboardService"/>, so an export reads the dashboard the page showed instead of recomputing it.
/// </summary>
public sealed class DashboardsController(
    IDashboardService dashboards,
    IAccessScopeProvider scopes,
    LocalCalendar calendar,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] DashboardQuery query, CancellationToken cancellationToken)
    {
        var (scope, filter) = await FilterAsync(query, cancellationToken);
        if (filter is null)
        {
            return NotFound();
        }

        var dashboard = await dashboards.BuildAsync(scope, filter, cancellationToken);
        var options = await dashboards.OptionsAsync(scope, filter, scope.ChoosesDirectorate, cancellationToken);
        return View(new DashboardViewModel(dashboard, query, DashboardTables.Build(dashboard, t, EstablishmentsLink), options));
    }

    [HttpGet]
    [EnableRateLimiting(RateLimitPolicies.Exports)]
    public async Task<IActionResult> Export([FromQuery] DashboardQuery query, string table, string format, CancellationToken cancellationToken)
    {
        var (scope, filter) = await FilterAsync(query, cancellationToken);
        var found = filter is null || format is not ("csv" or "xlsx") ? null
            : DashboardTables.Build(await dashboards.BuildAsync(scope, filter, cancellationToken), t, EstablishmentsLink).SingleOrDefault(x => x.Id == table);
        return found is null ? NotFound() : TableFile(found.Table, $"regionaltraining-{found.Id}-{filter!.StartYear}", format);
    }

    /// <summary>The filter of the address, or null when the dashboard asked for is out of the user's reach.</summary>
    private async Task<(AccessScope Scope, DashboardFilter? Filter)> FilterAsync(DashboardQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var directorateId = scope.DirectorateInFocus(query.Directorate);
        if (!scope.Has(Capability.DirectorateWork) || (directorateId is { } requested && !scope.CanReadDirectorate(requested)))
        {
            return (scope, null);
        }

        query.Year ??= TrainingYear.StartYearFor(calendar.Today);
        return (scope, new DashboardFilter(directorateId, query.Year.Value, query.Region, query.Province, query.Type, query.Sector, query.Level, query.Submitted));
    }

    private FileContentResult TableFile(ExportTable table, string name, string format) => format == "xlsx"
        ? File(TableExport.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
        : File(TableExport.ToCsv(table), "text/csv; charset=utf-8", name + ".csv");

    private string EstablishmentsLink(IDictionary<string, string?> values) =>
        Url.Action("Index", "Establishments", values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => (object?)v.Value))!;
}
