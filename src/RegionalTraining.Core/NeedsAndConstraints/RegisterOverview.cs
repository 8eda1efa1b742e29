using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>
/// The register overview's filter: the directorate the scope allows (null: every directorate, administrators only) and
/// the period in which items were raised (either end open).
/// </summary>
public sealed record RegisterOverviewFilter(int? DirectorateId, DateOnly? From = null, DateOnly? To = null);

/// <summary>Items of one province by status.</summary>
public sealed record ProvinceStatusRow(int ProvinceId, string ProvinceFr, string ProvinceAr, IReadOnlyDictionary<FollowUpStatus, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>
/// Where the register stands: items by status and province, how many raised in the period were resolved (or closed),
/// the median days from raised to resolved, overdue items by owner and what the open needs would cost.
/// </summary>
public sealed record RegisterOverview(
    RegisterOverviewFilter Filter, IReadOnlyDictionary<FollowUpStatus, int> ByStatus, IReadOnlyList<ProvinceStatusRow> ByProvince, int Raised, int ResolvedOrClosed,
    int? MedianDaysToResolve, IReadOnlyDictionary<ItemOwner, int> OverdueByOwner, int OverdueWithoutOwner, decimal OpenNeedsCostMad, int OpenNeedsWithoutCost)
{
    /// <summary>Resolved and closed items over all raised in the period, in percent; null when none was raised.</summary>
    public decimal? ResolutionRate => Raised == 0 ? null : Math.Round(100m * ResolvedOrClosed / Raised, 1);

    public int Overdue => OverdueByOwner.Values.Sum() + OverdueWithoutOwner;

    /// <summary>
    /// What partners' offers cover today, from the cooperation board (needs linked to an offer and their cost, against the
    /// open needs no offer covers yet). It is today's state, not limited to the period; null when the board answers nothing.
    /// </summary>
    public Cooperation.CooperationCoverage? Partners { get; init; }
}

/// <summary>The register's dashboard, computed with a fixed number of commands whatever the register's size.</summary>
public interface IRegisterOverviewService
{
    /// <summary>The overview, or not found when the scope may not read the directorate (or every directorate).</summary>
    Task<Result<RegisterOverview>> BuildAsync(AccessScope scope, RegisterOverviewFilter filter, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class RegisterOverviewService(AppDbContext db, LocalCalendar calendar, Cooperation.ICooperationService cooperation) : IRegisterOverviewService
{
    private static readonly FollowUpStatus[] Done = [FollowUpStatus.Resolved, FollowUpStatus.Closed];

    public async Task<Result<RegisterOverview>> BuildAsync(AccessScope scope, RegisterOverviewFilter filter, CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.DirectorateWork) || (filter.DirectorateId is { } d && !scope.CanReadDirectorate(d)) || (filter.DirectorateId is null && !scope.IsAdministrator))
        {
            return Result.NotFound().With<RegisterOverview>();
        }

        var today = calendar.Today;
        var open = FollowUpLifecycle.Open;
        var overdueable = new[] { FollowUpStatus.Raised, FollowUpStatus.Acknowledged, FollowUpStatus.InProgress };

        // Four commands: each table grouped by the database, the durations of the resolved items, the provinces' names.
        var needs = await Filter(db.Needs.AsNoTracking(), filter, calendar)
            .GroupBy(n => new { n.Establishment!.ProvinceId, n.Status, n.Owner, Overdue = n.DueOn != null && n.DueOn < today && overdueable.Contains(n.Status), Costed = n.EstimatedCostMad != null })
            .Select(g => new Group(g.Key.ProvinceId, g.Key.Status, g.Key.Owner, g.Key.Overdue, g.Key.Costed, g.Count(), g.Sum(n => n.EstimatedCostMad ?? 0)))
            .ToListAsync(cancellationToken);
        var constraints = await Filter(db.Constraints.AsNoTracking(), filter, calendar)
            .GroupBy(c => new { c.Establishment!.ProvinceId, c.Status, c.Owner, Overdue = c.DueOn != null && c.DueOn < today && overdueable.Contains(c.Status) })
            .Select(g => new Group(g.Key.ProvinceId, g.Key.Status, g.Key.Owner, g.Key.Overdue, false, g.Count(), 0m))
            .ToListAsync(cancellationToken);
        var durations = await Filter(db.Needs.AsNoTracking(), filter, calendar).Where(n => Done.Contains(n.Status) && n.OutcomeOn != null)
            .Select(n => new Duration { RaisedAtUtc = n.CreatedAtUtc, ResolvedOn = n.OutcomeOn!.Value })
            .Concat(Filter(db.Constraints.AsNoTracking(), filter, calendar).Where(c => Done.Contains(c.Status) && c.OutcomeOn != null)
                .Select(c => new Duration { RaisedAtUtc = c.CreatedAtUtc, ResolvedOn = c.OutcomeOn!.Value }))
            .ToListAsync(cancellationToken);
        var provinces = await db.Provinces.AsNoTracking().WhereIf(filter.DirectorateId is not null, p => p.Region!.DirectorateId == filter.DirectorateId)
            .Select(p => new { p.Id, p.NameFr, p.NameAr }).ToListAsync(cancellationToken);

        var all = needs.Concat(constraints).ToList();
        var byProvince = all.GroupBy(g => g.ProvinceId).Select(p =>
            {
                var province = provinces.FirstOrDefault(x => x.Id == p.Key);
                return new ProvinceStatusRow(p.Key, province?.NameFr ?? "—", province?.NameAr ?? "—", CountByStatus(p));
            })
            .OrderByDescending(r => r.Total).ThenBy(r => r.ProvinceFr, StringComparer.Ordinal).ToList();
        var overdue = all.Where(g => g.Overdue).ToList();
        var openNeeds = needs.Where(g => open.Contains(g.Status)).ToList();
        return Result.Success(new RegisterOverview(
            filter, CountByStatus(all), byProvince, all.Sum(g => g.Count), all.Where(g => Done.Contains(g.Status)).Sum(g => g.Count), Median(durations, calendar),
            overdue.Where(g => g.Owner is not null).GroupBy(g => g.Owner!.Value).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            overdue.Where(g => g.Owner is null).Sum(g => g.Count),
            openNeeds.Sum(g => g.Cost), openNeeds.Where(g => !g.Costed).Sum(g => g.Count))
        {
            Partners = (await cooperation.CoverageAsync(scope, filter.DirectorateId, cancellationToken)).Value,
        });
    }

    /// <summary>
    /// The median of whole days from the day an item was raised (Morocco's calendar day, as the resolution's day is
    /// one) to the day given as resolved. Computed here from one narrow column pair: neither SQLite nor a portable SQL
    /// has a median.
    /// </summary>
    internal static int? Median(IReadOnlyList<Duration> durations, LocalCalendar calendar)
    {
        if (durations.Count == 0)
        {
            return null;
        }

        var days = durations.Select(d => Math.Max(0, d.ResolvedOn.DayNumber - calendar.DayOf(d.RaisedAtUtc).DayNumber)).Order().ToList();
        var middle = days.Count / 2;
        return days.Count % 2 == 1 ? days[middle] : (int)Math.Round((days[middle - 1] + days[middle]) / 2.0, MidpointRounding.AwayFromZero);
    }

    private static Dictionary<FollowUpStatus, int> CountByStatus(IEnumerable<Group> groups) =>
        groups.GroupBy(g => g.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));

    /// <summary>The period's days are Morocco's: turned into UTC bounds (from the first day's start to the next day's after the last).</summary>
    private static IQueryable<T> Filter<T>(IQueryable<T> query, RegisterOverviewFilter f, LocalCalendar calendar)
        where T : EditableEntity, IRegisterItem
    {
        var from = f.From is { } first ? calendar.StartOfDayUtc(first) : (DateTime?)null;
        var until = f.To is { } last ? calendar.StartOfDayUtc(last.AddDays(1)) : (DateTime?)null;
        return query
            .WhereIf(f.DirectorateId is not null, x => x.Establishment!.Province!.Region!.DirectorateId == f.DirectorateId)
            .WhereIf(from is not null, x => x.CreatedAtUtc >= from)
            .WhereIf(until is not null, x => x.CreatedAtUtc < until);
    }

    private sealed record Group(int ProvinceId, FollowUpStatus Status, ItemOwner? Owner, bool Overdue, bool Costed, int Count, decimal Cost);

    /// <summary>A resolved item's two dates, as the database returns them.</summary>
    internal sealed class Duration
    {
        public DateTime RaisedAtUtc { get; init; }

        public DateOnly ResolvedOn { get; init; }
    }
}
