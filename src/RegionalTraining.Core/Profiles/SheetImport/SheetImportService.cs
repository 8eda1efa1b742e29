using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.Profiles.SheetImport;

/// <summary>
/// The yearly sheet filled offline: what its workbook template is written from, the dry run of an imported
/// workbook (the same input records, field limits and <see cref="ProfileRules"/> as the web form) and its
/// confirmation, which saves each changed section through the same service path as the form, under the token
/// read at the dry run. An import never submits the sheet.
/// </summary>
public interface ISheetImportService
{
    Task<Result<SheetTemplate>> TemplateAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default);

    /// <summary>The dry run of a workbook as read; a workbook refused as a whole (<paramref name="read"/> failed) is refused here after the access checks.</summary>
    Task<Result<SheetDryRun>> DryRunAsync(AccessScope scope, int profileId, Result<SheetContent> read, CancellationToken cancellationToken = default);

    Task<Result> ConfirmAsync(AccessScope scope, int profileId, Guid importId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class SheetImportService(
    AppDbContext db,
    IProfileService profiles,
    INeedsAndConstraintsService needsAndConstraints,
    IReferenceDataService reference,
    PendingImports pending,
    ILogger<SheetImportService> logger) : ISheetImportService
{
    private sealed record PendingImport(
        int ProfileId, ProfileInputs Inputs, NeedsInput Needs, ConstraintsInput Constraints,
        IReadOnlyDictionary<ProfileSection, SectionState> States, IReadOnlySet<ProfileSection> Changed);

    public async Task<Result<SheetTemplate>> TemplateAsync(AccessScope scope, int profileId, CancellationToken cancellationToken = default)
    {
        var view = await profiles.ViewAsync(scope, profileId, forSubmission: false, cancellationToken);
        return view.Succeeded
            ? Result.Success(new SheetTemplate(view.Value!, await reference.ProgrammeOptionsAsync(cancellationToken)))
            : view.With<SheetTemplate>();
    }

    public async Task<Result<SheetDryRun>> DryRunAsync(AccessScope scope, int profileId, Result<SheetContent> read, CancellationToken cancellationToken = default)
    {
        var may = await profiles.MayEditAsync(scope, profileId, cancellationToken);
        if (!may.Succeeded)
        {
            return may.With<SheetDryRun>();
        }

        var view = (await profiles.ViewAsync(scope, profileId, forSubmission: false, cancellationToken)).Value!;
        if (!view.Can.Edit)
        {
            return Result.Invalid(FieldError.Form, Messages.SectionLocked).With<SheetDryRun>();
        }

        if (!read.Succeeded)
        {
            logger.LogInformation("Profile {ProfileId} workbook refused: {Reason}", profileId, read.Errors.FirstOrDefault()?.MessageKey);
            return read.With<SheetDryRun>();
        }

        var content = read.Value!;
        var issues = content.ReadIssues.ToList();
        var programmes = await ResolveProgrammesAsync(content, issues, cancellationToken);
        var inputs = new ProfileInputs(content.General, content.HumanResources, content.MaterialResources, programmes);
        var needs = new NeedsInput { Needs = MatchRows(content.Needs.Needs, view.Needs.Needs, r => r.Id, r => r.Description, (r, id) => r with { Id = id }) };
        var constraints = new ConstraintsInput
        {
            Constraints = MatchRows(content.Constraints.Constraints, view.Constraints.Constraints, r => r.Id, r => r.Description, (r, id) => r with { Id = id }),
        };

        var unreadable = issues.Select(i => (i.Section, i.Field)).ToHashSet();
        issues.AddRange(new (ProfileSection Section, object Input)[]
            {
                (ProfileSection.General, inputs.General), (ProfileSection.HumanResources, inputs.HumanResources),
                (ProfileSection.MaterialResources, inputs.MaterialResources), (ProfileSection.Programmes, inputs.Programmes),
                (ProfileSection.Needs, needs), (ProfileSection.Constraints, constraints),
            }
            .SelectMany(s => SectionValidation.Check(s.Section, s.Input))
            .Where(i => !unreadable.Contains((i.Section, i.Field))));
        issues.AddRange(await profiles.CheckAsync(profileId, inputs, cancellationToken));

        var changes = Changes(view, inputs, needs, constraints);
        Guid? importId = !issues.Any(i => i.Level == IssueLevel.Error) && changes.Count > 0
            ? pending.Hold(new PendingImport(profileId, inputs, needs, constraints, view.Sections, changes.Select(c => c.Section).ToHashSet()))
            : null;

        logger.LogInformation("Profile {ProfileId} workbook dry run: {IssueCount} findings, {ChangeCount} changes", profileId, issues.Count, changes.Count);
        var names = await ProgrammeNamesAsync(view, programmes, cancellationToken);
        return Result.Success(new SheetDryRun(view.Summary, issues, changes, importId, names));
    }

    public async Task<Result> ConfirmAsync(AccessScope scope, int profileId, Guid importId, CancellationToken cancellationToken = default)
    {
        var may = await profiles.MayEditAsync(scope, profileId, cancellationToken);
        if (!may.Succeeded)
        {
            return may;
        }

        if (pending.Take<PendingImport>(importId, i => i.ProfileId == profileId) is not { } import)
        {
            return Result.Invalid(FieldError.Form, Messages.SheetImportExpired);
        }

        foreach (var section in Enum.GetValues<ProfileSection>().Where(import.Changed.Contains))
        {
            var state = import.States.GetValueOrDefault(section) ?? new SectionState(Guid.Empty, null, null);
            // The section's own comment is kept: an import brings values, not explanations.
            var result = section switch
            {
                ProfileSection.General => await profiles.SaveAsync(scope, profileId, new SectionEdit<GeneralInput>(import.Inputs.General, state.Version, state.WarningComment), cancellationToken),
                ProfileSection.HumanResources => await profiles.SaveAsync(scope, profileId, new SectionEdit<HumanResourcesInput>(import.Inputs.HumanResources, state.Version, state.WarningComment), cancellationToken),
                ProfileSection.MaterialResources => await profiles.SaveAsync(scope, profileId, new SectionEdit<MaterialResourcesInput>(import.Inputs.MaterialResources, state.Version, state.WarningComment), cancellationToken),
                ProfileSection.Programmes => await profiles.SaveAsync(scope, profileId, new SectionEdit<ProgrammesInput>(import.Inputs.Programmes, state.Version, state.WarningComment), cancellationToken),
                ProfileSection.Needs => await needsAndConstraints.SaveAsync(scope, profileId, new SectionEdit<NeedsInput>(import.Needs, state.Version, state.WarningComment), cancellationToken),
                ProfileSection.Constraints => await needsAndConstraints.SaveAsync(scope, profileId, new SectionEdit<ConstraintsInput>(import.Constraints, state.Version, state.WarningComment), cancellationToken),
                _ => Result.Success(),
            };
            if (!result.Succeeded)
            {
                logger.LogWarning("Profile {ProfileId} workbook import stopped at section {Section}: {Status}", profileId, section, result.Status);
                return result;
            }
        }

        logger.LogInformation("Profile {ProfileId} workbook imported into {SectionCount} sections", profileId, import.Changed.Count);
        return Result.Success();
    }

    /// <summary>Programme codes become catalogue ids; a code not in the active catalogue is the form's "choose a programme".</summary>
    private async Task<ProgrammesInput> ResolveProgrammesAsync(SheetContent content, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        var codes = content.ProgrammeCodes.Where(c => c is not null).Select(c => c!).Distinct().ToList();
        var catalogue = await db.Programmes.AsNoTracking().Where(p => p.IsActive && codes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var rows = content.Programmes.Programmes.Select((row, i) =>
        {
            var code = i < content.ProgrammeCodes.Count ? content.ProgrammeCodes[i] : null;
            if (code is not null && catalogue.TryGetValue(code, out var id))
            {
                return row with { ProgrammeId = id };
            }

            issues.Add(new ValidationIssue(ProfileSection.Programmes, $"Programmes[{i}].{nameof(ProgrammeRowInput.ProgrammeId)}", IssueLevel.Error, Messages.ChooseProgramme));
            return row;
        }).ToList();
        return new ProgrammesInput { Programmes = rows };
    }

    /// <summary>
    /// Rows of needs and constraints keep the stored row they name by number; a row without a number takes the
    /// stored row with the same description, so the same workbook imported twice adds nothing the second time.
    /// A number that is not this sheet's is a new row (the service never lets it reach someone else's).
    /// </summary>
    internal static List<TRow> MatchRows<TRow>(
        IReadOnlyList<TRow> imported, IReadOnlyList<TRow> stored, Func<TRow, int?> idOf, Func<TRow, string?> describe, Func<TRow, int?, TRow> withId)
    {
        var known = stored.Where(r => idOf(r) is not null).ToList();
        var claimed = imported.Select(idOf).Where(id => id is not null && known.Any(k => idOf(k) == id)).ToHashSet();
        return imported.Select(row =>
        {
            if (idOf(row) is { } id && known.Any(k => idOf(k) == id))
            {
                return row;
            }

            var same = known.FirstOrDefault(k => !claimed.Contains(idOf(k))
                && string.Equals(describe(k)?.Trim(), describe(row)?.Trim(), StringComparison.Ordinal));
            if (same is not null)
            {
                claimed.Add(idOf(same));
            }

            return withId(row, same is null ? null : idOf(same));
        }).ToList();
    }

    /// <summary>Every value that differs from the stored one, section by section; stored rows of needs and constraints are lined up with the imported rows that name them.</summary>
    private static List<SheetChange> Changes(ProfileView view, ProfileInputs inputs, NeedsInput needs, ConstraintsInput constraints)
    {
        var storedNeeds = view.Needs with { Needs = LineUp(needs.Needs, view.Needs.Needs, r => r.Id) };
        var storedConstraints = view.Constraints with { Constraints = LineUp(constraints.Constraints, view.Constraints.Constraints, r => r.Id) };
        return Diff(ProfileSection.General, view.Inputs.General, inputs.General)
            .Concat(Diff(ProfileSection.HumanResources, view.Inputs.HumanResources, inputs.HumanResources))
            .Concat(Diff(ProfileSection.MaterialResources, view.Inputs.MaterialResources, inputs.MaterialResources))
            .Concat(Diff(ProfileSection.Programmes, view.Inputs.Programmes, inputs.Programmes))
            .Concat(Diff(ProfileSection.Needs, storedNeeds, needs with { Needs = needs.Needs.Where(r => !string.IsNullOrWhiteSpace(r.Description)).ToList() }))
            .Concat(Diff(ProfileSection.Constraints, storedConstraints, constraints with { Constraints = constraints.Constraints.Where(r => !string.IsNullOrWhiteSpace(r.Description)).ToList() }))
            .ToList();
    }

    /// <summary>The stored rows in the order of the imported rows naming them (blank where new), then those the workbook leaves out.</summary>
    private static List<TRow> LineUp<TRow>(IReadOnlyList<TRow> imported, IReadOnlyList<TRow> stored, Func<TRow, int?> idOf)
        where TRow : new()
    {
        var lined = imported.Select(row => stored.FirstOrDefault(s => idOf(row) is { } id && idOf(s) == id) ?? new TRow()).ToList();
        lined.AddRange(stored.Where(s => !imported.Any(r => idOf(r) is { } id && id == idOf(s))));
        return lined;
    }

    internal static IEnumerable<SheetChange> Diff(ProfileSection section, object stored, object imported)
    {
        var before = SectionFields.Values(stored).ToDictionary(f => f.Field, f => f.Value);
        var after = SectionFields.Values(imported).ToDictionary(f => f.Field, f => f.Value);
        return after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .Where(k => SectionFields.Text(before.GetValueOrDefault(k)) != SectionFields.Text(after.GetValueOrDefault(k)))
            .Select(k => new SheetChange(section, k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)));
    }

    private async Task<IReadOnlyDictionary<int, ProgrammeName>> ProgrammeNamesAsync(ProfileView view, ProgrammesInput programmes, CancellationToken cancellationToken)
    {
        var ids = programmes.Programmes.Where(r => r.ProgrammeId is not null).Select(r => r.ProgrammeId!.Value)
            .Concat(view.ProgrammeNames.Keys).Distinct().ToList();
        return await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new ProgrammeName(p.Code, p.NameFr, p.NameAr), cancellationToken);
    }
}
