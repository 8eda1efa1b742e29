using System.ComponentModel.DataAnnotations;
using System.Reflection;
using RegionalTraining.Core.Organisation.ReferenceImport;
using RegionalTraining.Web.ViewModels.Organisation;

namespace RegionalTraining.Web.Infrastructure.SheetFiles;

public enum ReferenceValueKind
{
    Text,
    WholeNumber,
    Number,
    Choice,

    /// <summary>An id in the form, a code in the file (province, complex, sector).</summary>
    Code,
}

/// <summary>A column of an import file: a property of the single-item form, its heading and how its cells are read.</summary>
public sealed record ReferenceColumn(PropertyInfo Property, string Label, ReferenceValueKind Kind)
{
    public string Field => Property.Name;

    public Type? Choices => Kind == ReferenceValueKind.Choice ? Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType : null;
}

/// <summary>
/// The columns of the establishments and programmes files, taken from the single-item forms
/// (<see cref="EstablishmentFormViewModel"/>, <see cref="ProgrammeFormViewModel"/>): their properties, display
/// names and attributes, so a file is read into the form and checked by the form's own rules. "Active" is not a
/// column: a file never deactivates.
/// </summary>
public static class ReferenceLayout
{
    public const int MaximumRows = 2000;

    private static readonly string[] EstablishmentFields =
    [
        "Code", "Type", "ProvinceId", "ComplexId", "NameFr", "NameAr", "TownFr", "TownAr", "AddressFr", "AddressAr",
        "Phone", "Email", "Latitude", "Longitude", "OpeningYear",
    ];

    private static readonly string[] ProgrammeFields = ["Code", "SectorId", "Level", "NameFr", "NameAr", "DurationMonths"];

    /// <summary>Headings of the columns given as codes (resource keys).</summary>
    private static readonly Dictionary<string, string> CodeLabels = new()
    {
        ["ProvinceId"] = "Province code",
        ["ComplexId"] = "Complex code",
        ["SectorId"] = "Sector code",
    };

    public static Type FormOf(ReferenceKind kind) => kind == ReferenceKind.Establishments ? typeof(EstablishmentFormViewModel) : typeof(ProgrammeFormViewModel);

    /// <summary>The resource key of the data tab's name and of the list page's title.</summary>
    public static string TitleKey(ReferenceKind kind) => kind == ReferenceKind.Establishments ? "Establishments" : "Programmes";

    public static IReadOnlyList<ReferenceColumn> Columns(ReferenceKind kind) =>
        (kind == ReferenceKind.Establishments ? EstablishmentFields : ProgrammeFields)
        .Select(name => FormOf(kind).GetProperty(name)!)
        .Select(p => new ReferenceColumn(p, CodeLabels.GetValueOrDefault(p.Name) ?? p.GetCustomAttribute<DisplayAttribute>()?.Name ?? p.Name, KindOf(p)))
        .ToList();

    private static ReferenceValueKind KindOf(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return CodeLabels.ContainsKey(property.Name) ? ReferenceValueKind.Code
            : type.IsEnum ? ReferenceValueKind.Choice
            : type == typeof(int) ? ReferenceValueKind.WholeNumber
            : type == typeof(decimal) ? ReferenceValueKind.Number
            : ReferenceValueKind.Text;
    }
}
