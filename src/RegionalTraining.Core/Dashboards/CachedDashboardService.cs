using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Caching.Hybrid;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Versions;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Dashboards;

/// <summary>What the dashboard page offers around the figures: its filter lists and the campaign of the year.</summary>
[ImmutableObject(true)]
public sealed record DashboardOptions(
    IReadOnlyList<TrainingYearOption> Years, IReadOnlyList<Option> Directorates, IReadOnlyList<Option> Regions, IReadOnlyList<Option> Provinces,
    IReadOnlyList<Option> Sectors, int? CampaignId, CampaignCompleteness? Completeness);

/// <summary>
/// The dashboard as pages and exports read it: current the moment a change is committed, computed once per change.
/// </summary>
public interface IDashboardService
{
    /// <summary>Refuses a directorate outside the caller's reach; administrators may pass null for the whole office.</summary>
    Task<Dashboard> BuildAsync(AccessScope scope, DashboardFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The filter lists (directorates only when <paramref name="withDirectorates"/>) and the campaign of the filter's year.</summary>
    Task<DashboardOptions> OptionsAsync(AccessScope scope, DashboardFilter filter, bool withDirectorates, CancellationToken cancellationToken = default);

    /// <summary>
    /// The page the address asks for, for the current user, or null when that dashboard is out of his reach (no
    /// directorate work, or another directorate than his). Fills in the current training year when the query has none.
    /// </summary>
    Task<DashboardPage?> PageAsync(DashboardQuery query, CancellationToken cancellationToken = default);

    /// <summary>The figures of <see cref="PageAsync"/> without the filter lists (for exports); null when out of reach.</summary>
    Task<Dashboard?> FiguresAsync(DashboardQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// Serves dashboards from a cache keyed by the filter and the <see cref="DataArea.Figures"/> stamp, read from the
/// database once per request (this service lives as long as the request's scope): a save that changes figures renews the stamp in its own transaction, so the next request
/// on any web node misses the cache and recomputes (docs/decisions/0012-dashboard-figures.md). The access check runs
/// before the cache, on every call.
/// </summary>
public sealed class CachedDashboardService(
    DashboardService figures, IReferenceDataService reference, ICampaignService campaigns, AppDbContext db, HybridCache cache, LocalCalendar calendar,
    IAccessScopeProvider scopes, SignedInRequest signedIn) : IDashboardService
{
    /// <summary>Entries of an older stamp are never read again; they only wait to expire.</summary>
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(10) };

    /// <summary>The stamp read by the first call of this request; the figures and the options of one view share it.</summary>
    private Task<DataStamp>? _stamp;

    public async Task<Dashboard> BuildAsync(AccessScope scope, DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        Authorize(scope, filter);
        var stamp = await StampAsync(cancellationToken);
        var key = string.Join(':', "dashboard", stamp, filter.DirectorateId, filter.StartYear, filter.RegionId, filter.ProvinceId,
            filter.Type, filter.SectorId, filter.Level, filter.IncludeSubmitted);
        return await cache.GetOrCreateAsync(key, (figures, scope, filter), static (s, ct) => new ValueTask<Dashboard>(s.figures.BuildAsync(s.scope, s.filter, ct)),
            Entry, cancellationToken: cancellationToken);
    }

    public async Task<DashboardOptions> OptionsAsync(AccessScope scope, DashboardFilter filter, bool withDirectorates, CancellationToken cancellationToken = default)
    {
        Authorize(scope, filter);
        var stamp = await StampAsync(cancellationToken);
        // Lateness in the campaign completeness depends on Morocco's date: a new day is a new entry.
        var today = calendar.Today;
        var key = string.Join(':', "dashboard-options", stamp, filter.DirectorateId, filter.StartYear, withDirectorates,
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return await cache.GetOrCreateAsync(key, ct => new ValueTask<DashboardOptions>(ComputeOptionsAsync(filter, withDirectorates, ct)),
            Entry, cancellationToken: cancellationToken);
    }

    public async Task<DashboardPage?> PageAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        var (scope, filter) = await FilterAsync(query, cancellationToken);
        if (filter is null)
        {
            return null;
        }

        var dashboard = await BuildAsync(scope, filter, cancellationToken);
        var options = await OptionsAsync(scope, filter, scope.ChoosesDirectorate, cancellationToken);
        var stamp = await StampAsync(cancellationToken);
        var renderKey = string.Create(CultureInfo.InvariantCulture, $"{stamp}:{calendar.Today:yyyy-MM-dd}:{scope.ChoosesDirectorate}:{filter.DirectorateId}:")
            + string.Join(':', query.ToRoute().Values);
        return new DashboardPage(query, dashboard, options, renderKey);
    }

    public async Task<Dashboard?> FiguresAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        var (scope, filter) = await FilterAsync(query, cancellationToken);
        return filter is null ? null : await BuildAsync(scope, filter, cancellationToken);
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

    // The session check read the stamp at the start of this request (docs/decisions/0029), before any figure: the
    // order a cached value needs. Read here when it did not (no session check, or a request that may write).
    private async Task<string> StampAsync(CancellationToken cancellationToken) =>
        signedIn.FiguresStamp ?? (await (_stamp ??= DataVersions.CurrentAsync(db, DataArea.Figures, cancellationToken))).Stamp;

    private static void Authorize(AccessScope scope, DashboardFilter filter)
    {
        if (filter.DirectorateId is { } directorateId ? !scope.CanReadDirectorate(directorateId) : !scope.IsAdministrator)
        {
            throw new UnauthorizedAccessException("The dashboard of this directorate is outside the caller's scope.");
        }
    }

    private async Task<DashboardOptions> ComputeOptionsAsync(DashboardFilter filter, bool withDirectorates, CancellationToken cancellationToken)
    {
        var directorateId = filter.DirectorateId;
        var regions = (await reference.RegionsAsync(cancellationToken)).Where(r => directorateId is null || r.GroupId == directorateId).ToList();
        var campaign = directorateId is { } id ? await campaigns.FindAsync(id, filter.StartYear, cancellationToken) : null;
        return new DashboardOptions(
            await reference.TrainingYearsAsync(cancellationToken),
            withDirectorates ? await reference.DirectoratesAsync(cancellationToken) : [],
            regions, await reference.ProvincesAsync(directorateId, cancellationToken), await reference.SectorsAsync(cancellationToken),
            campaign, campaign is { } campaignId ? await campaigns.CompletenessAsync(campaignId, cancellationToken) : null);
    }
}
