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
/// directorate outside the user's reach answers 404 whatever the address says.
/// </summary>
public sealed class DashboardsController(
    IDashboardService dashboards,
    IReferenceDataService reference,
    IAccessScopeProvider scopes,
    LocalCalendar calendar,
    RegionalTraining.Core.Profiles.ICampaignService campaigns,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] DashboardQuery query, CancellationToken cancellationToken)
    {
        var (dashboard, scope) = await BuildAsync(query, cancellationToken);
        return dashboard is null ? NotFound() : View(await ViewModelAsync(dashboard, query, scope, cancellationToken));
    }

    [HttpGet]
    [EnableRateLimiting(RateLimitPolicies.Exports)]
    public async Task<IActionResult> Export([FromQuery] DashboardQuery query, string table, string format, CancellationToken cancellationToken)
    {
        var (dashboard, _) = await BuildAsync(query, cancellationToken);
        var found = dashboard is null ? null : DashboardTables.Build(dashboard, t, EstablishmentsLink).SingleOrDefault(x => x.Id == table);
        if (found is null || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var name = $"regionaltraining-{found.Id}-{dashboard!.Filter.StartYear}";
        return format == "xlsx"
            ? File(TableExport.ToXlsx(found.Table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(TableExport.ToCsv(found.Table), "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task<(Dashboard? Dashboard, AccessScope Scope)> BuildAsync(DashboardQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        if (!scope.Has(Capability.DirectorateWork))
        {
            return (null, scope);
        }

        var directorateId = scope.DirectorateInFocus(query.Directorate);
        if (directorateId is { } requested && !scope.CanReadDirectorate(requested))
        {
            return (null, scope);
        }

        query.Year ??= TrainingYear.StartYearFor(calendar.Today);
        var filter = new DashboardFilter(directorateId, query.Year.Value, query.Region, query.Province, query.Type, query.Sector, query.Level, query.Submitted);
        return (await dashboards.BuildAsync(scope, filter, cancellationToken), scope);
    }

    private async Task<DashboardViewModel> ViewModelAsync(Dashboard dashboard, DashboardQuery query, AccessScope scope, CancellationToken cancellationToken)
    {
        var directorateId = dashboard.Filter.DirectorateId;
        var provinces = await reference.ProvincesAsync(directorateId, cancellationToken);
        var regions = (await reference.RegionsAsync(cancellationToken)).Where(r => directorateId is null || r.GroupId == directorateId).ToList();
        var campaign = directorateId is { } id ? await campaigns.FindAsync(id, dashboard.Filter.StartYear, cancellationToken) : null;
        return new DashboardViewModel(
            dashboard, query, DashboardTables.Build(dashboard, t, EstablishmentsLink),
            await reference.TrainingYearsAsync(cancellationToken),
            scope.ChoosesDirectorate ? await reference.DirectoratesAsync(cancellationToken) : [],
            regions, provinces, await reference.SectorsAsync(cancellationToken), campaign,
            campaign is { } campaignId ? await campaigns.CompletenessAsync(campaignId, cancellationToken) : null);
    }

    private string EstablishmentsLink(IDictionary<string, string?> values) =>
        Url.Action("Index", "Establishments", values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => (object?)v.Value))!;
}
