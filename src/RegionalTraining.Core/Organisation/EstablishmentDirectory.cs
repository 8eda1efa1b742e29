using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Organisation;

/// <param name="ArabicOrder">Sort by the Arabic names (for Arabic readers) rather than the French ones.</param>
public sealed record EstablishmentFilter(int? ProvinceId = null, EstablishmentType? Type = null, string? Search = null, int Page = 1, int PageSize = 20, bool ArabicOrder = false);

public sealed record EstablishmentListItem(
    int Id, string Code, EstablishmentType Type, string NameFr, string NameAr, string? TownFr, string? TownAr,
    string ProvinceNameFr, string ProvinceNameAr, bool IsActive);

public sealed record EstablishmentDetails(
    int Id, string Code, EstablishmentType Type, string NameFr, string NameAr,
    string? TownFr, string? TownAr, string? AddressFr, string? AddressAr, string? Phone, string? Email,
    decimal? Latitude, decimal? Longitude, int? OpeningYear, bool IsActive,
    int ProvinceId, string ProvinceNameFr, string ProvinceNameAr, string RegionNameFr, string RegionNameAr,
    int DirectorateId, string DirectorateNameFr, string DirectorateNameAr,
    int? ComplexId, string? ComplexNameFr, string? ComplexNameAr,
    IReadOnlyList<string> DirectorNames, DateTime UpdatedAtUtc, byte[] RowVersion)
{
    public EstablishmentRef Ref => new(Id, DirectorateId);
}

/// <summary>The fields a form may change. Structural ones (code, type, place, names, active) are applied only for administrators; directors and staff keep contacts current.</summary>
public sealed record EstablishmentUpdate(
    string Code, EstablishmentType Type, int ProvinceId, int? ComplexId, string NameFr, string NameAr,
    string? TownFr, string? TownAr, string? AddressFr, string? AddressAr, string? Phone, string? Email,
    decimal? Latitude, decimal? Longitude, int? OpeningYear, bool IsActive);

/// <summary>
/// Lists, reads and edits establishments within the caller's <see cref="AccessScope"/>. Every query is filtered
/// by the scope here as well as checked by the controller, so a missed check cannot leak another directorate.
/// </summary>
public interface IEstablishmentDirectory
{
    Task<PagedResult<EstablishmentListItem>> SearchAsync(AccessScope scope, EstablishmentFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Who an establishment belongs to, for authorization before anything else is read.</summary>
    Task<EstablishmentRef?> GetRefAsync(int id, CancellationToken cancellationToken = default);

    Task<EstablishmentDetails?> GetAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Administrators only; succeeds with the new establishment's id.</summary>
    Task<Result<int>> CreateAsync(AccessScope scope, EstablishmentUpdate input, CancellationToken cancellationToken = default);

    /// <summary>
    /// A conflict when <paramref name="rowVersion"/> is not the stored one: it then carries the establishment as now
    /// stored, so the form can show the saved value under each field that differs, and the new token.
    /// </summary>
    Task<Result<EstablishmentDetails>> UpdateAsync(AccessScope scope, int id, EstablishmentUpdate input, byte[] rowVersion, CancellationToken cancellationToken = default);

    /// <summary>The rules the database answers (code free, province and complex exist), as a save checks them; the file import runs them for each row.</summary>
    Task<List<FieldError>> CheckAsync(int? id, EstablishmentUpdate input, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class EstablishmentDirectory(AppDbContext db, Search.ISearchIndex searchIndex, ILogger<EstablishmentDirectory> logger) : IEstablishmentDirectory
{
    public const int MaxPageSize = 100;

    public async Task<PagedResult<EstablishmentListItem>> SearchAsync(AccessScope scope, EstablishmentFilter filter, CancellationToken cancellationToken = default)
    {
        // The search box goes through the index (decision 0015), within the same perimeter.
        var found = string.IsNullOrWhiteSpace(filter.Search) ? null
            : await searchIndex.MatchingIdsAsync(scope, Search.SearchKind.Establishment, filter.Search, cancellationToken: cancellationToken);
        var ids = found?.ToList() ?? [];
        var query = InScope(scope)
            .WhereIf(filter.ProvinceId is not null, e => e.ProvinceId == filter.ProvinceId)
            .WhereIf(filter.Type is not null, e => e.Type == filter.Type)
            .WhereIf(found is not null, e => ids.Contains(e.Id));
        var ordered = filter.ArabicOrder
            ? query.OrderBy(e => e.Province!.NameAr).ThenBy(e => e.Type).ThenBy(e => e.NameAr)
            : query.OrderBy(e => e.Province!.NameFr).ThenBy(e => e.Type).ThenBy(e => e.NameFr);
        return await query.ToPageAsync(
            ordered,
            e => new EstablishmentListItem(e.Id, e.Code, e.Type, e.NameFr, e.NameAr, e.TownFr, e.TownAr, e.Province!.NameFr, e.Province.NameAr, e.IsActive),
            filter.Page, filter.PageSize, MaxPageSize, cancellationToken);
    }

    public Task<EstablishmentRef?> GetRefAsync(int id, CancellationToken cancellationToken = default) =>
        db.Establishments.AsNoTracking().Where(e => e.Id == id)
            .Select(e => (EstablishmentRef?)new EstablishmentRef(e.Id, e.Province!.Region!.DirectorateId))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<EstablishmentDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var details = await db.Establishments.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EstablishmentDetails(
                e.Id, e.Code, e.Type, e.NameFr, e.NameAr, e.TownFr, e.TownAr, e.AddressFr, e.AddressAr, e.Phone, e.Email,
                e.Latitude, e.Longitude, e.OpeningYear, e.IsActive,
                e.ProvinceId, e.Province!.NameFr, e.Province.NameAr, e.Province.Region!.NameFr, e.Province.Region.NameAr,
                e.Province.Region.DirectorateId, e.Province.Region.Directorate!.NameFr, e.Province.Region.Directorate.NameAr,
                e.ComplexId, e.Complex != null ? e.Complex.NameFr : null, e.Complex != null ? e.Complex.NameAr : null,
                new List<string>(), e.UpdatedAtUtc, e.RowVersion))
            .SingleOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return null;
        }

        var directors = await db.UserEstablishments.AsNoTracking()
            .Where(ue => ue.EstablishmentId == id && !ue.User!.IsDisabled)
            .Select(ue => ue.User!.DisplayName)
            .OrderBy(n => n)
            .ToListAsync(cancellationToken);
        return details with { DirectorNames = directors };
    }

    public async Task<Result<int>> CreateAsync(AccessScope scope, EstablishmentUpdate input, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditStructure)
        {
            return Result.Forbidden().With<int>();
        }

        var errors = await CheckAsync(null, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors).With<int>();
        }

        var establishment = new Establishment { Code = input.Code.Trim(), NameFr = input.NameFr, NameAr = input.NameAr };
        Apply(establishment, input, structural: true);
        db.Establishments.Add(establishment);
        if (await CodeTakenMeanwhileAsync(null, input, cancellationToken) is { } refused)
        {
            return refused.With<int>();
        }

        logger.LogInformation("Establishment {EstablishmentId} {EstablishmentCode} created", establishment.Id, establishment.Code);
        return Result.Success(establishment.Id);
    }

    public async Task<Result<EstablishmentDetails>> UpdateAsync(AccessScope scope, int id, EstablishmentUpdate input, byte[] rowVersion, CancellationToken cancellationToken = default)
    {
        var establishment = await db.Establishments.Include(e => e.Province!.Region).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (establishment is null)
        {
            return Result.NotFound().With<EstablishmentDetails>();
        }

        if (!scope.Can(AccessOperation.Edit, new EstablishmentRef(id, establishment.Province!.Region!.DirectorateId)))
        {
            return Result.Forbidden().With<EstablishmentDetails>();
        }

        var errors = await CheckAsync(id, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors).With<EstablishmentDetails>();
        }

        // The token the form was opened with is what the database must still hold.
        db.Entry(establishment).Property(e => e.RowVersion).OriginalValue = rowVersion;
        Apply(establishment, input, scope.CanEditStructure);
        try
        {
            if (await CodeTakenMeanwhileAsync(id, input, cancellationToken) is { } refused)
            {
                return refused.With<EstablishmentDetails>();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Establishment {EstablishmentId} save refused: changed by someone else", id);
            return Result.Conflict(Messages.EstablishmentConflict).With(await GetAsync(id, cancellationToken));
        }

        logger.LogInformation("Establishment {EstablishmentId} updated", id);
        return Result.Success().With<EstablishmentDetails>();
    }

    /// <summary>
    /// Saves; null when saved. When the database refused the code, taken by someone else between the check and this
    /// save, the refusal the check gives when it finds the code taken (nothing of this save is kept).
    /// </summary>
    private async Task<Result?> CodeTakenMeanwhileAsync(int? id, EstablishmentUpdate input, CancellationToken cancellationToken)
    {
        List<FieldError> refused = [];
        if (await db.TrySaveAsync<Establishment>(async ct => (refused = CodeErrors(await CheckAsync(id, input, ct))).Count > 0, cancellationToken))
        {
            return null;
        }

        logger.LogWarning("Establishment {EstablishmentId} code {EstablishmentCode} refused: taken meanwhile by someone else", id, input.Code.Trim());
        return Result.Invalid(refused);

        static List<FieldError> CodeErrors(List<FieldError> errors) => errors.Where(e => e.Field == nameof(input.Code)).ToList();
    }

    private IQueryable<Establishment> InScope(AccessScope scope)
    {
        var query = db.Establishments.AsNoTracking();
        if (scope.IsAdministrator)
        {
            return query;
        }

        var directorateId = scope.IsDirectorateMember ? scope.DirectorateId : null;
        var own = scope.IsEstablishmentDirector ? scope.EstablishmentIds.ToList() : [];
        return query.Where(e => e.Province!.Region!.DirectorateId == directorateId || own.Contains(e.Id));
    }

    public async Task<List<FieldError>> CheckAsync(int? id, EstablishmentUpdate input, CancellationToken ct = default)
    {
        var code = input.Code.Trim();
        return FieldChecks.Broken(
            (await db.Establishments.AnyAsync(e => e.Code == code && e.Id != id, ct), nameof(input.Code), Messages.EstablishmentCodeTaken),
            (!await db.Provinces.AnyAsync(p => p.Id == input.ProvinceId, ct), nameof(input.ProvinceId), Messages.ChooseProvince),
            (input.ComplexId is { } complexId && !await db.Complexes.AnyAsync(c => c.Id == complexId, ct), nameof(input.ComplexId), Messages.ChooseComplex));
    }

    private static void Apply(Establishment e, EstablishmentUpdate input, bool structural)
    {
        if (structural)
        {
            e.Code = input.Code.Trim();
            e.Type = input.Type;
            e.ProvinceId = input.ProvinceId;
            e.ComplexId = input.ComplexId;
            e.IsActive = input.IsActive;
            e.NameFr = input.NameFr.Trim();
            e.NameAr = input.NameAr.Trim();
        }

        e.TownFr = input.TownFr?.Trim();
        e.TownAr = input.TownAr?.Trim();
        e.AddressFr = input.AddressFr?.Trim();
        e.AddressAr = input.AddressAr?.Trim();
        e.Phone = input.Phone?.Trim();
        e.Email = input.Email?.Trim();
        e.Latitude = input.Latitude;
        e.Longitude = input.Longitude;
        e.OpeningYear = input.OpeningYear;
        e.RefreshSearchKey();
    }
}
