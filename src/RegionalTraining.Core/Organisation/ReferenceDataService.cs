using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Organisation;

public sealed record Option(int Id, string NameFr, string NameAr, int? GroupId = null);

public sealed record ProvinceListItem(
    int Id, string Code, string NameFr, string NameAr, string RegionNameFr, string RegionNameAr, int DirectorateId, int EstablishmentCount);

public sealed record ProgrammeOption(int Id, string Code, string NameFr, string NameAr, TrainingLevel Level);

public sealed record ProvinceDetails(int Id, string Code, string NameFr, string NameAr, int RegionId, byte[] RowVersion);

public sealed record ProgrammeFilter(int? SectorId = null, TrainingLevel? Level = null, string? Search = null, int Page = 1, int PageSize = 25, bool ArabicOrder = false);

public sealed record ProgrammeListItem(
    int Id, string Code, string NameFr, string NameAr, TrainingLevel Level, int DurationMonths, string SectorNameFr, string SectorNameAr, bool IsActive);

public sealed record ProgrammeInput(string Code, int SectorId, TrainingLevel Level, string NameFr, string NameAr, int DurationMonths, bool IsActive);

public sealed record ProgrammeDetails(int Id, ProgrammeInput Values, byte[] RowVersion);

public sealed record TrainingYearOption(int Id, int StartYear)
{
    public string Label => TrainingYear.FormatLabel(StartYear);
}

/// <summary>
/// Provinces, the programme catalogue and the option lists forms need. Reading is open to every signed-in user
/// (the catalogue is national); the controller lets only administrators change anything.
/// </summary>
public interface IReferenceDataService
{
    Task<IReadOnlyList<Option>> DirectoratesAsync(CancellationToken cancellationToken = default);

    /// <summary>Provinces with their directorate as <see cref="Option.GroupId"/>, optionally of one directorate.</summary>
    Task<IReadOnlyList<Option>> ProvincesAsync(int? directorateId = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Option>> ComplexesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Option>> SectorsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Option>> RegionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Establishments with their directorate as <see cref="Option.GroupId"/>, for account forms.</summary>
    Task<IReadOnlyList<Option>> EstablishmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Active programmes of the catalogue, for choosing the ones an establishment offers.</summary>
    Task<IReadOnlyList<ProgrammeOption>> ProgrammeOptionsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProvinceListItem>> ProvinceListAsync(int? directorateId, CancellationToken cancellationToken = default);

    Task<ProvinceDetails?> GetProvinceAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>A conflict carries the stored token, so the form can be saved again deliberately.</summary>
    Task<Result<byte[]>> UpdateProvinceAsync(int id, string nameFr, string nameAr, int regionId, byte[] rowVersion, CancellationToken cancellationToken = default);

    Task<PagedResult<ProgrammeListItem>> ProgrammesAsync(ProgrammeFilter filter, CancellationToken cancellationToken = default);

    Task<ProgrammeDetails?> GetProgrammeAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Creates (no <paramref name="id"/>) or updates a programme. A conflict carries the stored token.</summary>
    Task<Result<byte[]>> SaveProgrammeAsync(int? id, ProgrammeInput input, byte[]? rowVersion, CancellationToken cancellationToken = default);

    /// <summary>The rules the database answers (code free, sector exists), as a save checks them; the file import runs them for each row.</summary>
    Task<List<FieldError>> CheckProgrammeAsync(int? id, ProgrammeInput input, CancellationToken cancellationToken = default);

    /// <summary>The training years, latest first.</summary>
    Task<IReadOnlyList<TrainingYearOption>> TrainingYearsAsync(CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class ReferenceDataService(AppDbContext db, ILogger<ReferenceDataService> logger) : IReferenceDataService
{
    public async Task<IReadOnlyList<Option>> DirectoratesAsync(CancellationToken cancellationToken = default) =>
        await db.Directorates.AsNoTracking().OrderBy(d => d.NameFr)
            .Select(d => new Option(d.Id, d.NameFr, d.NameAr, null)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Option>> ProvincesAsync(int? directorateId = null, CancellationToken cancellationToken = default) =>
        await db.Provinces.AsNoTracking()
            .Where(p => directorateId == null || p.Region!.DirectorateId == directorateId)
            .OrderBy(p => p.NameFr)
            .Select(p => new Option(p.Id, p.NameFr, p.NameAr, p.Region!.DirectorateId)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Option>> ComplexesAsync(CancellationToken cancellationToken = default) =>
        await db.Complexes.AsNoTracking().OrderBy(c => c.NameFr)
            .Select(c => new Option(c.Id, c.NameFr, c.NameAr, c.DirectorateId)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Option>> SectorsAsync(CancellationToken cancellationToken = default) =>
        await db.Sectors.AsNoTracking().OrderBy(s => s.NameFr)
            .Select(s => new Option(s.Id, s.NameFr, s.NameAr, null)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Option>> RegionsAsync(CancellationToken cancellationToken = default) =>
        await db.Regions.AsNoTracking().OrderBy(r => r.NameFr)
            .Select(r => new Option(r.Id, r.NameFr, r.NameAr, r.DirectorateId)).ToListAsync(cancellationToken);

    /// <summary>Every establishment, named with its town when the name does not say it ("ISTA Fadma El Bouhali — Mirleft"): lists of venues and invitations are read by place.</summary>
    public async Task<IReadOnlyList<Option>> EstablishmentsAsync(CancellationToken cancellationToken = default) =>
        (await db.Establishments.AsNoTracking().OrderBy(e => e.NameFr)
            .Select(e => new { e.Id, e.NameFr, e.NameAr, e.TownFr, e.TownAr, e.Province!.Region!.DirectorateId }).ToListAsync(cancellationToken))
        .Select(e => new Option(e.Id, WithTown(e.NameFr, e.TownFr), WithTown(e.NameAr, e.TownAr), e.DirectorateId))
        .ToList();

    private static string WithTown(string name, string? town) =>
        string.IsNullOrWhiteSpace(town) || name.Contains(town, StringComparison.OrdinalIgnoreCase) ? name : name + " — " + town;

    public async Task<IReadOnlyList<ProgrammeOption>> ProgrammeOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Programmes.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.NameFr).ThenBy(p => p.Level)
            .Select(p => new ProgrammeOption(p.Id, p.Code, p.NameFr, p.NameAr, p.Level)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProvinceListItem>> ProvinceListAsync(int? directorateId, CancellationToken cancellationToken = default) =>
        await db.Provinces.AsNoTracking()
            .Where(p => directorateId == null || p.Region!.DirectorateId == directorateId)
            .OrderBy(p => p.Region!.NameFr).ThenBy(p => p.NameFr)
            .Select(p => new ProvinceListItem(p.Id, p.Code, p.NameFr, p.NameAr, p.Region!.NameFr, p.Region.NameAr,
                p.Region.DirectorateId, p.Establishments.Count))
            .ToListAsync(cancellationToken);

    public Task<ProvinceDetails?> GetProvinceAsync(int id, CancellationToken cancellationToken = default) =>
        db.Provinces.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProvinceDetails(p.Id, p.Code, p.NameFr, p.NameAr, p.RegionId, p.RowVersion))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<Result<byte[]>> UpdateProvinceAsync(int id, string nameFr, string nameAr, int regionId, byte[] rowVersion, CancellationToken cancellationToken = default)
    {
        var province = await db.Provinces.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (province is null)
        {
            return Result.NotFound().With<byte[]>();
        }

        if (!await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            return Result.Invalid(nameof(Province.RegionId), Messages.ChooseRegion).With<byte[]>();
        }

        db.Entry(province).Property(p => p.RowVersion).OriginalValue = rowVersion;
        province.NameFr = nameFr.Trim();
        province.NameAr = nameAr.Trim();
        province.RegionId = regionId;
        return await SaveAsync<Province>(id, cancellationToken);
    }

    public async Task<PagedResult<ProgrammeListItem>> ProgrammesAsync(ProgrammeFilter filter, CancellationToken cancellationToken = default)
    {
        var search = Bilingual.Normalise(filter.Search);
        var query = db.Programmes.AsNoTracking()
            .WhereIf(filter.SectorId is not null, p => p.SectorId == filter.SectorId)
            .WhereIf(filter.Level is not null, p => p.Level == filter.Level)
            .WhereIf(search.Length > 0, p => p.SearchKey.Contains(search));
        var ordered = filter.ArabicOrder
            ? query.OrderBy(p => p.Sector!.NameAr).ThenBy(p => p.Level).ThenBy(p => p.NameAr)
            : query.OrderBy(p => p.Sector!.NameFr).ThenBy(p => p.Level).ThenBy(p => p.NameFr);
        return await query.ToPageAsync(
            ordered,
            p => new ProgrammeListItem(p.Id, p.Code, p.NameFr, p.NameAr, p.Level, p.DurationMonths, p.Sector!.NameFr, p.Sector.NameAr, p.IsActive),
            filter.Page, filter.PageSize, 100, cancellationToken);
    }

    public Task<ProgrammeDetails?> GetProgrammeAsync(int id, CancellationToken cancellationToken = default) =>
        db.Programmes.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProgrammeDetails(p.Id,
                new ProgrammeInput(p.Code, p.SectorId, p.Level, p.NameFr, p.NameAr, p.DurationMonths, p.IsActive), p.RowVersion))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<Result<byte[]>> SaveProgrammeAsync(int? id, ProgrammeInput input, byte[]? rowVersion, CancellationToken cancellationToken = default)
    {
        var code = input.Code.Trim();
        var errors = await CheckProgrammeAsync(id, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors).With<byte[]>();
        }

        Programme programme;
        if (id is null)
        {
            programme = new Programme { Code = code, NameFr = input.NameFr, NameAr = input.NameAr };
            db.Programmes.Add(programme);
        }
        else
        {
            var existing = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (existing is null)
            {
                return Result.NotFound().With<byte[]>();
            }

            programme = existing;
            db.Entry(programme).Property(p => p.RowVersion).OriginalValue = rowVersion ?? [];
        }

        programme.Code = code;
        programme.SectorId = input.SectorId;
        programme.Level = input.Level;
        programme.NameFr = input.NameFr.Trim();
        programme.NameAr = input.NameAr.Trim();
        programme.DurationMonths = input.DurationMonths;
        programme.IsActive = input.IsActive;
        programme.RefreshSearchKey();
        return await SaveAsync<Programme>(id, cancellationToken, async ct =>
            (await CheckProgrammeAsync(id, input, ct)).Where(e => e.Field == nameof(input.Code)).ToList());
    }

    public async Task<List<FieldError>> CheckProgrammeAsync(int? id, ProgrammeInput input, CancellationToken cancellationToken = default)
    {
        var code = input.Code.Trim();
        return FieldChecks.Broken(
            (await db.Programmes.AnyAsync(p => p.Code == code && p.Id != id, cancellationToken), nameof(input.Code), Messages.ProgrammeCodeTaken),
            (!await db.Sectors.AnyAsync(s => s.Id == input.SectorId, cancellationToken), nameof(input.SectorId), Messages.ChooseSector));
    }

    public async Task<IReadOnlyList<TrainingYearOption>> TrainingYearsAsync(CancellationToken cancellationToken = default) =>
        await db.TrainingYears.AsNoTracking().OrderByDescending(y => y.StartYear)
            .Select(y => new TrainingYearOption(y.Id, y.StartYear)).ToListAsync(cancellationToken);

    /// <summary>
    /// A conflict carries the token now stored, for the form shown again. <paramref name="codeTaken"/> gives the
    /// code's refusal, asked only when the database refused the row: a code taken by someone else between the check
    /// and this save is refused as the check refuses it.
    /// </summary>
    private async Task<Result<byte[]>> SaveAsync<TEntity>(
        int? id, CancellationToken cancellationToken, Func<CancellationToken, Task<List<FieldError>>>? codeTaken = null)
        where TEntity : class
    {
        var what = typeof(TEntity).Name;
        List<FieldError> refused = [];
        try
        {
            if (!await db.TrySaveAsync<TEntity>(async ct => codeTaken is not null && (refused = await codeTaken(ct)).Count > 0, cancellationToken))
            {
                logger.LogWarning("{Entity} {EntityId} save refused: its code was taken meanwhile by someone else", what, id);
                return Result.Invalid(refused).With<byte[]>();
            }
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            logger.LogWarning("{Entity} {EntityId} save refused: changed by someone else", what, id);
            var stored = await conflict.Entries[0].GetDatabaseValuesAsync(cancellationToken);
            return Result.Conflict().With(stored?.GetValue<byte[]>(nameof(Province.RowVersion)));
        }

        logger.LogInformation("{Entity} {EntityId} saved", what, id);
        return Result.Success().With<byte[]>();
    }
}
