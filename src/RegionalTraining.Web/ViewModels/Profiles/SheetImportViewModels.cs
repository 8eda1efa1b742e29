using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.SheetImport;
using RegionalTraining.Web.Infrastructure.SheetFiles;

namespace RegionalTraining.Web.ViewModels.Profiles;

/// <summary>The import page of a sheet: who and which year, whether this reader may import, and the dry run of the last upload.</summary>
public sealed record SheetImportPage(ProfileSummary Summary, bool CanImport, SheetDryRunPage? DryRun = null);

/// <summary>A dry run as shown: each finding and change with the workbook cell it comes from.</summary>
public sealed record SheetDryRunPage(SheetDryRun Result, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>"Ressources humaines!C4", or the tab alone for a finding about the whole section.</summary>
    public string CellOf(ProfileSection section, string field) =>
        Cells.GetValueOrDefault(SheetReader.Key(section, field)) ?? Cells.GetValueOrDefault(SheetReader.Key(section, string.Empty)) ?? string.Empty;

    /// <summary>The field's label (a resource key), or null for a finding about the section.</summary>
    public static string? LabelOf(ProfileSection section, string field) => field.Length == 0 ? null : SheetLayout.LabelOf(section, field);

    /// <summary>A value as the reader would have typed or chosen it; a programme by its code.</summary>
    public object? Shown(string field, object? value) =>
        field.EndsWith(".ProgrammeId", StringComparison.Ordinal) && value is int id && Result.ProgrammeNames.TryGetValue(id, out var name) ? name.Code : value;
}
