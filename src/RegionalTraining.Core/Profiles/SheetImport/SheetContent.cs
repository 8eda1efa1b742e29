using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.Profiles.SheetImport;

/// <summary>
/// What a workbook holds, read into the same section input records as the web forms. Programmes are named by
/// their code in a workbook: <see cref="ProgrammeCodes"/> gives each row's code, resolved against the catalogue
/// by the import service. <see cref="ReadIssues"/> are the cells that could not be read (not a number, not in a list).
/// </summary>
public sealed record SheetContent(
    GeneralInput General,
    HumanResourcesInput HumanResources,
    MaterialResourcesInput MaterialResources,
    ProgrammesInput Programmes,
    IReadOnlyList<string?> ProgrammeCodes,
    NeedsInput Needs,
    ConstraintsInput Constraints,
    IReadOnlyList<ValidationIssue> ReadIssues);

/// <summary>One value the import would change: the field as the form names it, its stored value and the workbook's.</summary>
public sealed record SheetChange(ProfileSection Section, string Field, object? OldValue, object? NewValue);

/// <summary>
/// The dry run of an import: every finding (cells that cannot be read, limits of the fields, the sheet's rules),
/// every value that would change, and the id under which the import waits for confirmation (none when there
/// are errors or nothing would change).
/// </summary>
public sealed record SheetDryRun(
    ProfileSummary Summary, IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<SheetChange> Changes, Guid? ImportId,
    IReadOnlyDictionary<int, ProgrammeName> ProgrammeNames)
{
    public bool HasErrors => Issues.Any(i => i.Level == IssueLevel.Error);
}

/// <summary>What the workbook template is written from: the sheet as it stands and the programmes to choose from.</summary>
public sealed record SheetTemplate(ProfileView Profile, IReadOnlyList<ProgrammeOption> Catalogue);
