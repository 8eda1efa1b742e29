using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Organisation.ReferenceImport;

/// <summary>What a file imports.</summary>
public enum ReferenceKind
{
    Establishments = 1,
    Programmes = 2,
}

public enum ReferenceRowOutcome
{
    New = 1,
    Changed = 2,
    Unchanged = 3,
    Refused = 4,
}

/// <summary>
/// One row of a file as read into the same input record as the single-item form (<see cref="Establishment"/>
/// or <see cref="Programme"/>, by kind), with what could not be read or broke the form's attributes. A row that
/// could not be read at all has neither input.
/// </summary>
public sealed record ImportRow(int Row, string Code, EstablishmentUpdate? Establishment, ProgrammeInput? Programme, IReadOnlyList<FieldError> Findings);

/// <summary>A field whose saved value differs from the file's: values are text, numbers or enum values, codes for provinces, complexes and sectors.</summary>
public sealed record ReferenceChange(string Field, object? Before, object? After);

public sealed record ReferenceDryRunRow(int Row, string Code, ReferenceRowOutcome Outcome, IReadOnlyList<ReferenceChange> Changes, IReadOnlyList<FieldError> Findings);

/// <summary>The dry run; <see cref="ImportId"/> is set when there is something to apply and no row was refused.</summary>
public sealed record ReferenceDryRun(ReferenceKind Kind, IReadOnlyList<ReferenceDryRunRow> Rows, Guid? ImportId)
{
    public int Count(ReferenceRowOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}

/// <summary>Codes of the places and sectors a file names, both ways, so a file speaks in codes and the inputs in ids.</summary>
public sealed record ReferenceCodes(
    IReadOnlyDictionary<string, int> Provinces, IReadOnlyDictionary<string, int> Complexes, IReadOnlyDictionary<string, int> Sectors,
    IReadOnlyDictionary<int, int> ProvinceDirectorates)
{
    public static string? CodeOf(IReadOnlyDictionary<string, int> codes, int? id) =>
        id is null ? null : codes.FirstOrDefault(c => c.Value == id).Key;
}

/// <summary>
/// Establishments and the programme catalogue loaded from a file (docs/decisions/0020-reference-data-import.md):
/// a dry run that sorts the rows into new, changed, unchanged and refused with the single-item forms' own rules
/// (the Web side checks the form's attributes, this service the database's rules through
/// <see cref="IEstablishmentDirectory.CheckAsync"/> and <see cref="IReferenceDataService.CheckProgrammeAsync"/>),
/// then the confirmation, which saves the rows through the same service methods as the forms in one transaction.
/// Rows are matched by code; nothing is ever deactivated or deleted by a file.
/// </summary>
public interface IReferenceImportService
{
    Task<ReferenceCodes> CodesAsync(CancellationToken cancellationToken = default);

    /// <summary>The rows saved now, by field, as the template is pre-filled with them (establishments within the scope).</summary>
    Task<Result<IReadOnlyList<IReadOnlyDictionary<string, object?>>>> CurrentAsync(AccessScope scope, ReferenceKind kind, CancellationToken cancellationToken = default);

    /// <summary>A file refused as a whole (<paramref name="read"/> failed) is refused here after the access check.</summary>
    Task<Result<ReferenceDryRun>> DryRunAsync(AccessScope scope, ReferenceKind kind, Result<IReadOnlyList<ImportRow>> read, CancellationToken cancellationToken = default);

    /// <summary>Applies a dry run of this user, once; the number of rows saved.</summary>
    Task<Result<int>> ConfirmAsync(AccessScope scope, ReferenceKind kind, Guid importId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class ReferenceImportService(
    AppDbContext db,
    IEstablishmentDirectory directory,
    IReferenceDataService reference,
    PendingImports pending,
    ILogger<ReferenceImportService> logger) : IReferenceImportService
{
    private sealed record Stored(int Id, int DirectorateId, bool IsActive, byte[] RowVersion, EstablishmentUpdate? Establishment, ProgrammeInput? Programme);

    private sealed record Planned(int Row, int? Id, byte[]? RowVersion, EstablishmentUpdate? Establishment, ProgrammeInput? Programme);

    private sealed record PendingImport(ReferenceKind Kind, IReadOnlyList<Planned> Rows);

    public async Task<ReferenceCodes> CodesAsync(CancellationToken cancellationToken = default)
    {
        var provinces = await db.Provinces.AsNoTracking().Select(p => new { p.Id, p.Code, p.Region!.DirectorateId }).ToListAsync(cancellationToken);
        return new ReferenceCodes(
            provinces.ToDictionary(p => p.Code, p => p.Id, StringComparer.OrdinalIgnoreCase),
            await db.Complexes.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken),
            await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, cancellationToken),
            provinces.ToDictionary(p => p.Id, p => p.DirectorateId));
    }

    public async Task<Result<IReadOnlyList<IReadOnlyDictionary<string, object?>>>> CurrentAsync(AccessScope scope, ReferenceKind kind, CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.ManageReferenceData))
        {
            return Result.Forbidden().With<IReadOnlyList<IReadOnlyDictionary<string, object?>>>();
        }

        var codes = await CodesAsync(cancellationToken);
        var stored = await StoredAsync(kind, cancellationToken);
        return Result.Success<IReadOnlyList<IReadOnlyDictionary<string, object?>>>(stored.Values
            .Where(s => kind == ReferenceKind.Programmes || scope.Can(AccessOperation.Edit, new EstablishmentRef(s.Id, s.DirectorateId)))
            .Select(s => Values(s.Establishment, s.Programme, codes)).OrderBy(v => v["Code"] as string, StringComparer.Ordinal).ToList());
    }

    public async Task<Result<ReferenceDryRun>> DryRunAsync(AccessScope scope, ReferenceKind kind, Result<IReadOnlyList<ImportRow>> read, CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.ManageReferenceData))
        {
            return Result.Forbidden().With<ReferenceDryRun>();
        }

        if (!read.Succeeded)
        {
            logger.LogInformation("{Kind} file refused: {Reason}", kind, read.Errors.FirstOrDefault()?.MessageKey);
            return read.With<ReferenceDryRun>();
        }

        var codes = await CodesAsync(cancellationToken);
        var stored = await StoredAsync(kind, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<ReferenceDryRunRow>();
        var planned = new List<Planned>();
        foreach (var row in read.Value!)
        {
            var match = stored.GetValueOrDefault(row.Code);
            var (establishment, programme) = KeepingActive(row, match);
            var findings = row.Findings.ToList();
            if (!seen.Add(row.Code))
            {
                findings.Add(new FieldError(nameof(Establishment.Code), Messages.ReferenceDuplicateCode, row.Code));
            }

            if (establishment is not null || programme is not null)
            {
                var broken = establishment is not null
                    ? await directory.CheckAsync(match?.Id, establishment, cancellationToken)
                    : await reference.CheckProgrammeAsync(match?.Id, programme!, cancellationToken);
                findings.AddRange(broken.Where(b => findings.All(f => f.Field != b.Field)));
                findings.AddRange(OutsideScope(scope, establishment, match, codes));
            }

            if (findings.Count > 0 || (establishment is null && programme is null))
            {
                rows.Add(new ReferenceDryRunRow(row.Row, row.Code, ReferenceRowOutcome.Refused, [], findings));
                continue;
            }

            var changes = match is null ? [] : Diff(Values(match.Establishment, match.Programme, codes), Values(establishment, programme, codes));
            var outcome = match is null ? ReferenceRowOutcome.New : changes.Count > 0 ? ReferenceRowOutcome.Changed : ReferenceRowOutcome.Unchanged;
            rows.Add(new ReferenceDryRunRow(row.Row, row.Code, outcome, changes, []));
            if (outcome != ReferenceRowOutcome.Unchanged)
            {
                planned.Add(new Planned(row.Row, match?.Id, match?.RowVersion, establishment, programme));
            }
        }

        Guid? importId = planned.Count > 0 && rows.All(r => r.Outcome != ReferenceRowOutcome.Refused)
            ? pending.Hold(new PendingImport(kind, planned)) : null;

        logger.LogInformation("{Kind} file dry run: {RowCount} rows, {PlannedCount} to save, {RefusedCount} refused",
            kind, rows.Count, planned.Count, rows.Count(r => r.Outcome == ReferenceRowOutcome.Refused));
        return Result.Success(new ReferenceDryRun(kind, rows, importId));
    }

    public async Task<Result<int>> ConfirmAsync(AccessScope scope, ReferenceKind kind, Guid importId, CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.ManageReferenceData))
        {
            return Result.Forbidden().With<int>();
        }

        if (pending.Take<PendingImport>(importId, i => i.Kind == kind) is not { } import)
        {
            return Result.Invalid(FieldError.Form, Messages.ReferenceImportExpired).With<int>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in import.Rows)
        {
            var saved = await SaveAsync(scope, row, cancellationToken);
            if (!saved)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                logger.LogWarning("{Kind} file import stopped at row {Row}: nothing saved", kind, row.Row);
                return Result.Invalid(FieldError.Form, Messages.ReferenceImportStopped, row.Row).With<int>();
            }
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Kind} file imported: {RowCount} rows saved", kind, import.Rows.Count);
        return Result.Success(import.Rows.Count);
    }

    /// <summary>Through the forms' own service methods: the same checks, search key, audit columns and concurrency token.</summary>
    private async Task<bool> SaveAsync(AccessScope scope, Planned row, CancellationToken cancellationToken)
    {
        if (row.Programme is not null)
        {
            return (await reference.SaveProgrammeAsync(row.Id, row.Programme, row.RowVersion, cancellationToken)).Succeeded;
        }

        return row.Id is { } id
            ? (await directory.UpdateAsync(scope, id, row.Establishment!, row.RowVersion!, cancellationToken)).Succeeded
            : (await directory.CreateAsync(scope, row.Establishment!, cancellationToken)).Succeeded;
    }

    /// <summary>A file never deactivates (nor reactivates): a known row keeps its state, a new one is active.</summary>
    private static (EstablishmentUpdate?, ProgrammeInput?) KeepingActive(ImportRow row, Stored? match) =>
        (row.Establishment is null ? null : row.Establishment with { IsActive = match?.IsActive ?? true },
         row.Programme is null ? null : row.Programme with { IsActive = match?.IsActive ?? true });

    /// <summary>The establishment's directorate, now and after the file, must be within the scope (administrators reach every one).</summary>
    private static IEnumerable<FieldError> OutsideScope(AccessScope scope, EstablishmentUpdate? input, Stored? match, ReferenceCodes codes)
    {
        if (input is null)
        {
            yield break;
        }

        var target = codes.ProvinceDirectorates.TryGetValue(input.ProvinceId, out var directorate) ? directorate : 0;
        if (!scope.Can(AccessOperation.Edit, new EstablishmentRef(match?.Id ?? 0, target))
            || (match is not null && !scope.Can(AccessOperation.Edit, new EstablishmentRef(match.Id, match.DirectorateId))))
        {
            yield return new FieldError(nameof(EstablishmentUpdate.ProvinceId), Messages.ReferenceOutsideScope);
        }
    }

    private async Task<Dictionary<string, Stored>> StoredAsync(ReferenceKind kind, CancellationToken cancellationToken)
    {
        if (kind == ReferenceKind.Programmes)
        {
            return await db.Programmes.AsNoTracking()
                .Select(p => new Stored(p.Id, 0, p.IsActive, p.RowVersion, null,
                    new ProgrammeInput(p.Code, p.SectorId, p.Level, p.NameFr, p.NameAr, p.DurationMonths, p.IsActive)))
                .ToDictionaryAsync(s => s.Programme!.Code, StringComparer.Ordinal, cancellationToken);
        }

        return await db.Establishments.AsNoTracking()
            .Select(e => new Stored(e.Id, e.Province!.Region!.DirectorateId, e.IsActive, e.RowVersion,
                new EstablishmentUpdate(e.Code, e.Type, e.ProvinceId, e.ComplexId, e.NameFr, e.NameAr, e.TownFr, e.TownAr,
                    e.AddressFr, e.AddressAr, e.Phone, e.Email, e.Latitude, e.Longitude, e.OpeningYear, e.IsActive), null))
            .ToDictionaryAsync(s => s.Establishment!.Code, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The values a file holds, by the form's field names; places and sectors by their code, as the file gives them.</summary>
    internal static IReadOnlyDictionary<string, object?> Values(EstablishmentUpdate? e, ProgrammeInput? p, ReferenceCodes codes) => e is not null
        ? new Dictionary<string, object?>
        {
            ["Code"] = e.Code.Trim(), ["Type"] = e.Type, ["ProvinceId"] = ReferenceCodes.CodeOf(codes.Provinces, e.ProvinceId),
            ["ComplexId"] = ReferenceCodes.CodeOf(codes.Complexes, e.ComplexId), ["NameFr"] = e.NameFr, ["NameAr"] = e.NameAr,
            ["TownFr"] = e.TownFr, ["TownAr"] = e.TownAr, ["AddressFr"] = e.AddressFr, ["AddressAr"] = e.AddressAr,
            ["Phone"] = e.Phone, ["Email"] = e.Email, ["Latitude"] = e.Latitude, ["Longitude"] = e.Longitude, ["OpeningYear"] = e.OpeningYear,
        }
        : new Dictionary<string, object?>
        {
            ["Code"] = p!.Code.Trim(), ["SectorId"] = ReferenceCodes.CodeOf(codes.Sectors, p.SectorId), ["Level"] = p.Level,
            ["NameFr"] = p.NameFr, ["NameAr"] = p.NameAr, ["DurationMonths"] = p.DurationMonths,
        };

    internal static List<ReferenceChange> Diff(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after) =>
        after.Keys.Where(k => Text(before.GetValueOrDefault(k)) != Text(after[k]))
            .Select(k => new ReferenceChange(k, before.GetValueOrDefault(k), after[k])).ToList();

    /// <summary>Blank and missing are the same; numbers compare by value ("29.40" is "29.4").</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!.Trim(),
    };
}
