using System.Globalization;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation.ReferenceImport;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.Infrastructure.SheetFiles;

namespace RegionalTraining.Web.ViewModels.Organisation;

/// <summary>The import page of establishments or programmes, with the dry run of the file just checked and where its columns were.</summary>
public sealed record ReferenceImportPage(ReferenceKind Kind, ReferenceDryRun? DryRun, IReadOnlyDictionary<string, string> Columns)
{
    public static ReferenceImportPage Empty(ReferenceKind kind) => new(kind, null, new Dictionary<string, string>());

    public bool IsEstablishments => Kind == ReferenceKind.Establishments;

    /// <summary>The list page the import comes from and returns to.</summary>
    public string ListController => IsEstablishments ? "Establishments" : "Programmes";

    /// <summary>The resource key of a field's heading ("Province code", "Name in French"…).</summary>
    public string LabelOf(string field) => ReferenceLayout.Columns(Kind).FirstOrDefault(c => c.Field == field)?.Label ?? field;

    /// <summary>The column the field was read from: a letter in a workbook, a number in a CSV file.</summary>
    public string? ColumnOf(string field) => Columns.GetValueOrDefault(field);

    /// <summary>A finding in the reader's language: the field's display name and text arguments are keys themselves.</summary>
    public static string Format(IStringLocalizer t, FieldError error) =>
        t[error.MessageKey, error.Arguments.Select(a => a is string s ? (object)t[s].Value : a).ToArray()].Value;

    /// <summary>A saved or imported value as shown: enum values by their label, numbers invariant (as in the file), text as it is.</summary>
    public static string Shown(IStringLocalizer t, object? value) => value switch
    {
        null => string.Empty,
        Core.Organisation.EstablishmentType type => t.Label(type).Value,
        Core.Organisation.TrainingLevel level => t.Label(level).Value,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
