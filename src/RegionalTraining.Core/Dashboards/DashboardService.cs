using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Dashboards;

/// <summary>
/// What a dashboard shows. Sector and level narrow the programme figures (trainees, places, groups); the other
/// filters narrow the establishments. Only approved profiles count unless <see cref="IncludeSubmitted"/>.
/// </summary>
public sealed record DashboardFilter(
    int? DirectorateId, int StartYear, int? RegionId = null, int? ProvinceId = null, EstablishmentType? Type = null,
    int? SectorId = null, TrainingLevel? Level = null, bool IncludeSubmitted = false);

public sealed record Figures(int Establishments, int Profiles, int Trainees, int TraineesWomen, int Trainers, int Capacity, int BoardingPlaces, int Programmes, int Groups)
{
    public static readonly Figures Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public decimal? WomenShare => Trainees == 0 ? null : Math.Round(100m * TraineesWomen / Trainees, 1);

    public decimal? TraineesPerTrainer => Trainers == 0 ? null : Math.Round((decimal)Trainees / Trainers, 1);

    public decimal? CapacityUse => Capacity == 0 ? null : Math.Round(100m * Trainees / Capacity, 1);
}

/// <summary>One line of a breakdown: a region, province, type, sector or level, with its figures.</summary>
public sealed record BreakdownRow(string Key, string LabelFr, string LabelAr, int Profiles, int Trainees, int TraineesWomen, int Trainers, int Capacity, int Groups)
{
    public decimal? WomenShare => Trainees == 0 ? null : Math.Round(100m * TraineesWomen / Trainees, 1);

    public decimal? TraineesPerTrainer => Trainers == 0 ? null : Math.Round((decimal)Trainees / Trainers, 1);
}

public sealed record CountRow(string Key, string LabelFr, string LabelAr, int Count, decimal Cost);

public sealed record OpenItemsRow(int EstablishmentId, string NameFr, string NameAr, int OpenNeeds, int OpenConstraints, int? ProfileId);

/// <summary>Never changed once built: the cache hands the same instance to every request (no copy per read).</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record Dashboard(
    DashboardFilter Filter, Figures Current, Figures Previous,
    IReadOnlyList<BreakdownRow> ByRegion, IReadOnlyList<BreakdownRow> ByProvince, IReadOnlyList<BreakdownRow> ByType,
    IReadOnlyList<BreakdownRow> BySector, IReadOnlyList<BreakdownRow> ByLevel,
    IReadOnlyList<CountRow> NeedsByCategory, IReadOnlyList<CountRow> NeedsByPriority, IReadOnlyList<CountRow> NeedsByProvince,
    IReadOnlyList<CountRow> ConstraintsByCategory, IReadOnlyList<CountRow> ConstraintsBySeverity, IReadOnlyList<CountRow> ConstraintsByStatus,
    IReadOnlyList<OpenItemsRow> MostOpenItems);

/// <summary>
/// The regional director's figures, computed from the profile and needs tables. Every number is aggregated by the
/// database in a fixed set of grouped queries (fifteen, whatever the number of establishments or years), read
/// without tracking. Pages do not call it directly: <see cref="CachedDashboardService"/> keeps its result per
/// filter and the figures stamp (<see cref="Data.Versions.DataArea.Figures"/>), so it runs once per change of the figures, not once per request.
/// </summary>
public sealed class DashboardService(AppDbContext db)
{
    /// <summary>Refuses a directorate outside the caller's reach; administrators may pass null for the whole office.</summary>
    public async Task<Dashboard> BuildAsync(AccessScope scope, DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        if (filter.DirectorateId is { } directorateId ? !scope.CanReadDirectorate(directorateId) : !scope.IsAdministrator)
        {
            throw new UnauthorizedAccessException("The dashboard of this directorate is outside the caller's scope.");
        }

        // The establishments counted do not depend on the year: counted once for both years.
        var establishments = await Establishments(filter).CountAsync(cancellationToken);
        var current = await FiguresAsync(filter, filter.StartYear, establishments, cancellationToken);
        var previous = await FiguresAsync(filter, filter.StartYear - 1, establishments, cancellationToken);

        // Establishment-level and programme-level sums, each grouped once by province and type, then rolled up.
        var perPlace = await Profiles(filter, filter.StartYear)
            .GroupBy(p => new { p.Establishment!.ProvinceId, p.Establishment.Type })
            .Select(g => new
            {
                g.Key.ProvinceId, g.Key.Type, Profiles = g.Count(),
                Trainers = g.Sum(p => (p.PermanentTrainers ?? 0) + (p.ContractTrainers ?? 0) + (p.PartTimeTrainers ?? 0)),
            })
            .ToListAsync(cancellationToken);
        var programmesPerPlace = await ProgrammeRows(filter, filter.StartYear)
            .GroupBy(r => new { r.ProvinceId, r.Type })
            .Select(g => new { g.Key.ProvinceId, g.Key.Type, Trainees = g.Sum(r => r.Trainees), Women = g.Sum(r => r.Women), Capacity = g.Sum(r => r.Capacity), Groups = g.Sum(r => r.Groups) })
            .ToListAsync(cancellationToken);
        var programmesPerSector = await ProgrammeRows(filter, filter.StartYear)
            .GroupBy(r => new { r.SectorId, r.Level })
            .Select(g => new { g.Key.SectorId, g.Key.Level, Trainees = g.Sum(r => r.Trainees), Women = g.Sum(r => r.Women), Capacity = g.Sum(r => r.Capacity), Groups = g.Sum(r => r.Groups) })
            .ToListAsync(cancellationToken);

        // A sheet offering two levels of one sector counts once in that sector: count sheets per sector and per level.
        var sheetsPerSector = await ProgrammeRows(filter, filter.StartYear).GroupBy(r => r.SectorId)
            .Select(g => new { g.Key, Profiles = g.Select(r => r.ProfileId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Profiles, cancellationToken);
        var sheetsPerLevel = await ProgrammeRows(filter, filter.StartYear).GroupBy(r => r.Level)
            .Select(g => new { g.Key, Profiles = g.Select(r => r.ProfileId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Profiles, cancellationToken);
        var provinces = await db.Provinces.AsNoTracking()
            .Select(p => new { p.Id, p.NameFr, p.NameAr, p.RegionId, RegionFr = p.Region!.NameFr, RegionAr = p.Region.NameAr }).ToListAsync(cancellationToken);
        var sectors = await db.Sectors.AsNoTracking().Select(s => new { s.Id, s.NameFr, s.NameAr }).ToListAsync(cancellationToken);

        var places = perPlace.Select(p => (p.ProvinceId, p.Type)).Union(programmesPerPlace.Select(p => (p.ProvinceId, p.Type))).ToList();
        var lines = places.Select(k =>
        {
            var a = perPlace.FirstOrDefault(p => p.ProvinceId == k.ProvinceId && p.Type == k.Type);
            var b = programmesPerPlace.FirstOrDefault(p => p.ProvinceId == k.ProvinceId && p.Type == k.Type);
            var province = provinces.Single(p => p.Id == k.ProvinceId);
            return new PlaceLine(k.ProvinceId, k.Type, province.RegionId, province.NameFr, province.NameAr, province.RegionFr, province.RegionAr,
                a?.Profiles ?? 0, a?.Trainers ?? 0, b?.Trainees ?? 0, b?.Women ?? 0, b?.Capacity ?? 0, b?.Groups ?? 0);
        }).ToList();

        List<BreakdownRow> Roll<TKey>(Func<PlaceLine, TKey> key, Func<PlaceLine, (string Fr, string Ar)> label)
            where TKey : notnull =>
            lines.GroupBy(key).Select(g =>
            {
                var (fr, ar) = label(g.First());
                return new BreakdownRow(Convert.ToString(g.Key, System.Globalization.CultureInfo.InvariantCulture)!, fr, ar,
                    g.Sum(x => x.Profiles), g.Sum(x => x.Trainees), g.Sum(x => x.Women), g.Sum(x => x.Trainers), g.Sum(x => x.Capacity), g.Sum(x => x.Groups));
            }).OrderByDescending(r => r.Trainees).ThenBy(r => r.LabelFr).ToList();

        var byRegion = Roll(l => l.RegionId, l => (l.RegionFr, l.RegionAr));
        var byProvince = Roll(l => l.ProvinceId, l => (l.ProvinceFr, l.ProvinceAr));
        var byType = Roll(l => l.Type, l => (l.Type.ToString(), l.Type.ToString()));
        var bySector = programmesPerSector.GroupBy(p => p.SectorId).Select(g =>
        {
            var sector = sectors.Single(s => s.Id == g.Key);
            return new BreakdownRow(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), sector.NameFr, sector.NameAr, sheetsPerSector.GetValueOrDefault(g.Key), g.Sum(x => x.Trainees), g.Sum(x => x.Women), 0, g.Sum(x => x.Capacity), g.Sum(x => x.Groups));
        }).OrderByDescending(r => r.Trainees).ToList();
        var byLevel = programmesPerSector.GroupBy(p => p.Level).OrderBy(g => g.Key).Select(g =>
            new BreakdownRow(g.Key.ToString(), g.Key.ToString(), g.Key.ToString(), sheetsPerLevel.GetValueOrDefault(g.Key), g.Sum(x => x.Trainees), g.Sum(x => x.Women), 0, g.Sum(x => x.Capacity), g.Sum(x => x.Groups))).ToList();

        // Needs and constraints of the counted profiles, grouped once each, then rolled up.
        var profileIds = Profiles(filter, filter.StartYear).Select(p => p.Id);
        var needs = await db.Needs.AsNoTracking().Where(n => n.ProfileId != null && profileIds.Contains(n.ProfileId.Value))
            .GroupBy(n => new { n.Category, n.Priority, n.Establishment!.ProvinceId })
            .Select(g => new { g.Key.Category, g.Key.Priority, g.Key.ProvinceId, Count = g.Count(), Cost = g.Sum(n => n.EstimatedCostMad ?? 0) })
            .ToListAsync(cancellationToken);
        var constraints = await db.Constraints.AsNoTracking().Where(c => c.ProfileId != null && profileIds.Contains(c.ProfileId.Value))
            .GroupBy(c => new { c.Category, c.Severity, c.Status })
            .Select(g => new { g.Key.Category, g.Key.Severity, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var open = FollowUpLifecycle.Open;
        var mostOpen = await Profiles(filter, filter.StartYear)
            .Select(p => new
            {
                p.EstablishmentId, p.Establishment!.NameFr, p.Establishment.NameAr, ProfileId = p.Id,
                Needs = db.Needs.Count(n => n.ProfileId == p.Id && open.Contains(n.Status)),
                Constraints = db.Constraints.Count(c => c.ProfileId == p.Id && open.Contains(c.Status)),
            })
            .OrderByDescending(x => x.Needs + x.Constraints).ThenBy(x => x.NameFr).Take(10)
            .ToListAsync(cancellationToken);

        static List<CountRow> Count<T>(IEnumerable<(T Key, int Count, decimal Cost)> rows) where T : notnull =>
            rows.GroupBy(r => r.Key).Select(g => new CountRow(g.Key.ToString()!, g.Key.ToString()!, g.Key.ToString()!, g.Sum(x => x.Count), g.Sum(x => x.Cost)))
                .OrderByDescending(r => r.Count).ToList();

        return new Dashboard(
            filter, current, previous, byRegion, byProvince, byType, bySector, byLevel,
            Count(needs.Select(n => (n.Category, n.Count, n.Cost))),
            Count(needs.Select(n => (n.Priority, n.Count, n.Cost))).OrderByDescending(r => Enum.Parse<Priority>(r.Key)).ToList(),
            needs.GroupBy(n => n.ProvinceId).Select(g =>
            {
                var province = provinces.Single(p => p.Id == g.Key);
                return new CountRow(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), province.NameFr, province.NameAr, g.Sum(x => x.Count), g.Sum(x => x.Cost));
            }).OrderByDescending(r => r.Count).ToList(),
            Count(constraints.Select(c => (c.Category, c.Count, 0m))),
            Count(constraints.Select(c => (c.Severity, c.Count, 0m))).OrderByDescending(r => Enum.Parse<Severity>(r.Key)).ToList(),
            Count(constraints.Select(c => (c.Status, c.Count, 0m))),
            mostOpen.Where(x => x.Needs + x.Constraints > 0).Select(x => new OpenItemsRow(x.EstablishmentId, x.NameFr, x.NameAr, x.Needs, x.Constraints, x.ProfileId)).ToList());
    }

    private async Task<Figures> FiguresAsync(DashboardFilter filter, int startYear, int establishments, CancellationToken cancellationToken)
    {
        var profiles = await Profiles(filter, startYear)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Trainers = g.Sum(p => (p.PermanentTrainers ?? 0) + (p.ContractTrainers ?? 0) + (p.PartTimeTrainers ?? 0)),
                Boarding = g.Sum(p => p.BoardingPlaces ?? 0),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var programmes = await ProgrammeRows(filter, startYear)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Trainees = g.Sum(r => r.Trainees), Women = g.Sum(r => r.Women), Capacity = g.Sum(r => r.Capacity), Groups = g.Sum(r => r.Groups) })
            .SingleOrDefaultAsync(cancellationToken);
        return new Figures(establishments, profiles?.Count ?? 0, programmes?.Trainees ?? 0, programmes?.Women ?? 0, profiles?.Trainers ?? 0,
            programmes?.Capacity ?? 0, profiles?.Boarding ?? 0, programmes?.Count ?? 0, programmes?.Groups ?? 0);
    }

    private IQueryable<Establishment> Establishments(DashboardFilter filter)
    {
        var query = db.Establishments.AsNoTracking().Where(e => e.IsActive);
        if (filter.DirectorateId is { } directorateId)
        {
            query = query.Where(e => e.Province!.Region!.DirectorateId == directorateId);
        }

        if (filter.RegionId is { } regionId)
        {
            query = query.Where(e => e.Province!.RegionId == regionId);
        }

        if (filter.ProvinceId is { } provinceId)
        {
            query = query.Where(e => e.ProvinceId == provinceId);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(e => e.Type == type);
        }

        return query;
    }

    private IQueryable<EstablishmentProfile> Profiles(DashboardFilter filter, int startYear)
    {
        var statuses = filter.IncludeSubmitted ? new[] { ProfileStatus.Approved, ProfileStatus.Submitted } : new[] { ProfileStatus.Approved };
        var establishments = Establishments(filter).Select(e => e.Id);
        return db.Profiles.AsNoTracking()
            .Where(p => p.TrainingYear!.StartYear == startYear && statuses.Contains(p.Status) && establishments.Contains(p.EstablishmentId));
    }

    private IQueryable<ProgrammeFigures> ProgrammeRows(DashboardFilter filter, int startYear)
    {
        var rows =
            from r in db.ProfileProgrammes.AsNoTracking()
            join p in Profiles(filter, startYear) on r.ProfileId equals p.Id
            select new ProgrammeFigures
            {
                ProfileId = r.ProfileId,
                ProvinceId = p.Establishment!.ProvinceId,
                Type = p.Establishment.Type,
                SectorId = r.Programme!.SectorId,
                Level = r.Programme.Level,
                Trainees = r.FirstYearTrainees + r.SecondYearTrainees,
                Women = r.FirstYearWomen + r.SecondYearWomen,
                Capacity = r.Capacity,
                Groups = r.Groups,
            };
        if (filter.SectorId is { } sectorId)
        {
            rows = rows.Where(r => r.SectorId == sectorId);
        }

        if (filter.Level is { } level)
        {
            rows = rows.Where(r => r.Level == level);
        }

        return rows;
    }

    private sealed record PlaceLine(
        int ProvinceId, EstablishmentType Type, int RegionId, string ProvinceFr, string ProvinceAr, string RegionFr, string RegionAr,
        int Profiles, int Trainers, int Trainees, int Women, int Capacity, int Groups);

    /// <summary>A programme row of a counted profile, with what it is grouped by.</summary>
    private sealed class ProgrammeFigures
    {
        public int ProfileId { get; init; }

        public int ProvinceId { get; init; }

        public EstablishmentType Type { get; init; }

        public int SectorId { get; init; }

        public TrainingLevel Level { get; init; }

        public int Trainees { get; init; }

        public int Women { get; init; }

        public int Capacity { get; init; }

        public int Groups { get; init; }
    }
}
