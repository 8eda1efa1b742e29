using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Dashboards;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure.Export;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.ViewModels.Dashboards;

/// <summary>A dashboard table with, per row, where a click on it leads (the establishments or the profile behind it).</summary>
public sealed record DashboardTable(string Id, ExportTable Table, IReadOnlyList<string?> RowLinks, int ChartColumn);

/// <summary>
/// Turns a dashboard into the tables shown on screen. The export uses the very same tables, so a downloaded
/// file always has the figures of the page.
/// </summary>
public static class DashboardTables
{
    public static IReadOnlyList<DashboardTable> Build(Dashboard d, IStringLocalizer t, IUrlHelper url)
    {
        string establishmentsLink(IDictionary<string, string?> values) =>
            url.Action("Index", "Establishments", values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => (object?)v.Value))!;
        string Name(string ar, string fr) => LayoutHelpers.Name(ar, fr);
        var breakdownHeadings = new[] { t["Profiles"].Value, t["Trainees"].Value, t["of which women"].Value, t["Share of women (%)"].Value, t["Trainers"].Value, t["Trainees per trainer"].Value, t["Places"].Value, t["Groups"].Value };
        IReadOnlyList<object?> Figures(BreakdownRow r, bool withTrainers) =>
            [r.Profiles, r.Trainees, r.TraineesWomen, r.WomenShare, withTrainers ? r.Trainers : null, withTrainers ? r.TraineesPerTrainer : null, r.Capacity, r.Groups];

        DashboardTable Breakdown(string id, string title, string firstHeading, IReadOnlyList<BreakdownRow> rows, Func<BreakdownRow, string> label, bool withTrainers, Func<BreakdownRow, string?> link) =>
            new(id, new ExportTable(t[title], [t[firstHeading], .. breakdownHeadings], rows.Select(r => (IReadOnlyList<object?>)[label(r), .. Figures(r, withTrainers)]).ToList()),
                rows.Select(link).ToList(), ChartColumn: 2);

        DashboardTable Counts(string id, string title, string firstHeading, IReadOnlyList<CountRow> rows, Func<CountRow, string> label, bool withCost) =>
            new(id, new ExportTable(t[title], withCost ? [t[firstHeading], t["Number"], t["Estimated cost (MAD)"]] : [t[firstHeading], t["Number"]],
                rows.Select(r => (IReadOnlyList<object?>)(withCost ? [label(r), r.Count, r.Cost] : [label(r), r.Count])).ToList()),
                rows.Select(_ => (string?)null).ToList(), ChartColumn: 1);

        var year = d.Filter.StartYear.ToString(CultureInfo.InvariantCulture);
        return
        [
            Breakdown("regions", "By region", "Region", d.ByRegion, r => Name(r.LabelAr, r.LabelFr), true, _ => null),
            Breakdown("provinces", "By province", "Province", d.ByProvince, r => Name(r.LabelAr, r.LabelFr), true,
                r => establishmentsLink(new Dictionary<string, string?> { ["province"] = r.Key })),
            Breakdown("types", "By type", "Type", d.ByType, r => r.Key + " — " + t.Label<EstablishmentType>(r.Key), true,
                r => establishmentsLink(new Dictionary<string, string?> { ["type"] = r.Key, ["province"] = d.Filter.ProvinceId?.ToString(CultureInfo.InvariantCulture) })),
            Breakdown("sectors", "By sector", "Sector", d.BySector, r => Name(r.LabelAr, r.LabelFr), false, _ => null),
            Breakdown("levels", "By level", "Level", d.ByLevel, r => t.Label<TrainingLevel>(r.Key), false, _ => null),
            Counts("needs-category", "Needs by category", "Category", d.NeedsByCategory, r => t.Label<NeedCategory>(r.Key), true),
            Counts("needs-priority", "Needs by priority", "Priority", d.NeedsByPriority, r => t.Label<Priority>(r.Key), true),
            Counts("needs-province", "Needs by province", "Province", d.NeedsByProvince, r => Name(r.LabelAr, r.LabelFr), true),
            Counts("constraints-category", "Constraints by category", "Category", d.ConstraintsByCategory, r => t.Label<NeedCategory>(r.Key), false),
            Counts("constraints-severity", "Constraints by severity", "Severity", d.ConstraintsBySeverity, r => t.Label<Severity>(r.Key), false),
            Counts("constraints-status", "Constraints by status", "Status", d.ConstraintsByStatus, r => t.Label<FollowUpStatus>(r.Key), false),
            new DashboardTable("open-items",
                new ExportTable(t["Establishments with the most open items"], [t["Establishment"], t["Open needs"], t["Open constraints"]],
                    d.MostOpenItems.Select(r => (IReadOnlyList<object?>)[Name(r.NameAr, r.NameFr), r.OpenNeeds, r.OpenConstraints]).ToList()),
                d.MostOpenItems.Select(r => r.ProfileId is { } id ? $"/Profiles/{id}/Review" : null).ToList(), ChartColumn: 1),
        ];
    }
}

/// <summary>
/// The dashboard page. <see cref="Tables"/> are built on first use only: when the figures' HTML is already in the
/// render cache (the view's <c>&lt;cache&gt;</c> block), nothing reads them.
/// </summary>
public sealed class DashboardViewModel(DashboardPage page, Func<IReadOnlyList<DashboardTable>> tables)
{
    private readonly Lazy<IReadOnlyList<DashboardTable>> _tables = new(tables);

    public Dashboard Dashboard => page.Dashboard;

    public DashboardQuery Query => page.Query;

    /// <summary>What the figures' HTML depends on besides the language (<see cref="DashboardPage.RenderKey"/>).</summary>
    public string RenderKey => page.RenderKey;

    public IReadOnlyList<DashboardTable> Tables => _tables.Value;

    public IReadOnlyList<TrainingYearOption> Years => page.Options.Years;

    public IReadOnlyList<Option> Directorates => page.Options.Directorates;

    public IReadOnlyList<Option> Regions => page.Options.Regions;

    public IReadOnlyList<Option> Provinces => page.Options.Provinces;

    public IReadOnlyList<Option> Sectors => page.Options.Sectors;

    public int? CampaignId => page.Options.CampaignId;

    public RegionalTraining.Core.Profiles.CampaignCompleteness? Completeness => page.Options.Completeness;
}
