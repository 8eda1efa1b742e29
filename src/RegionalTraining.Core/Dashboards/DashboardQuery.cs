using System.Globalization;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Dashboards;

/// <summary>The dashboard's filters as the address carries them (bound from the query string).</summary>
public sealed class DashboardQuery
{
    public int? Year { get; set; }

    public int? Directorate { get; set; }

    public int? Region { get; set; }

    public int? Province { get; set; }

    public EstablishmentType? Type { get; set; }

    public int? Sector { get; set; }

    public TrainingLevel? Level { get; set; }

    public bool Submitted { get; set; }

    public Dictionary<string, string?> ToRoute() => new()
    {
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["directorate"] = Directorate?.ToString(CultureInfo.InvariantCulture),
        ["region"] = Region?.ToString(CultureInfo.InvariantCulture),
        ["province"] = Province?.ToString(CultureInfo.InvariantCulture),
        ["type"] = Type?.ToString(),
        ["sector"] = Sector?.ToString(CultureInfo.InvariantCulture),
        ["level"] = Level?.ToString(),
        ["submitted"] = Submitted ? "true" : null,
    };
}

/// <summary>
/// Everything the dashboard page shows, and <see cref="RenderKey"/>: what the page's HTML depends on besides the
/// language (the figures' data stamp, Morocco's date, the query and whether the caller picks a directorate).
/// Two requests with the same key and language render the same figures, so the HTML may be rendered once for both
/// (docs/decisions/0025-dashboard-rendering-cache.md); the key holds nothing personal and the access check has run.
/// </summary>
public sealed record DashboardPage(DashboardQuery Query, Dashboard Dashboard, DashboardOptions Options, string RenderKey);
