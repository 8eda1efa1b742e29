using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.Infrastructure.SheetFiles;

/// <summary>How a cell's text becomes a field's value.</summary>
public enum SheetValueKind
{
    Text,
    WholeNumber,
    Number,
    YesNo,
    Choice,
    ProgrammeCode,
}

/// <summary>One field of a section input as a cell: its property, its label (a resource key) and how it is read.</summary>
public sealed record SheetField(PropertyInfo Property, string Label, SheetValueKind Kind, Type? Choices)
{
    public string Name => Property.Name;
}

/// <summary>
/// One tab of the workbook, one per section: the section's own fields in a column of label / label / value
/// (rows from 2), and its list (programmes, equipment, needs, constraints) as a table with headings in row 1
/// starting at <see cref="TableColumn"/>.
/// </summary>
public sealed record SheetTab(ProfileSection Section, Type InputType, IReadOnlyList<SheetField> Fields, PropertyInfo? Rows, IReadOnlyList<SheetField> Columns, int TableColumn)
{
    public const int FirstRow = 2;

    /// <summary>A tab's list has at most this many rows: far above any establishment, far below a hostile file.</summary>
    public const int MaximumRows = 500;

    public Type? RowType => Rows?.PropertyType.GetGenericArguments()[0];
}

/// <summary>
/// The workbook's shape, derived once from the section input records (their properties, display names and
/// types), so the template, the reader and the dry run never list the fields again.
/// </summary>
public static class SheetLayout
{
    public const string ListsTab = "Lists";

    /// <summary>The label of a row's number column (needs and constraints): a resource key.</summary>
    public const string RowNumberLabel = "No. (empty for a new row)";

    public static readonly IReadOnlyList<SheetTab> Tabs =
    [
        Tab<GeneralInput>(ProfileSection.General),
        Tab<HumanResourcesInput>(ProfileSection.HumanResources),
        Tab<MaterialResourcesInput>(ProfileSection.MaterialResources, tableColumn: 5),
        Tab<ProgrammesInput>(ProfileSection.Programmes),
        Tab<NeedsInput>(ProfileSection.Needs),
        Tab<ConstraintsInput>(ProfileSection.Constraints),
    ];

    /// <summary>The enums offered as drop-down lists, each in its own column of the hidden lists tab.</summary>
    public static readonly IReadOnlyList<Type> ChoiceTypes =
        Tabs.SelectMany(t => t.Fields.Concat(t.Columns)).Where(f => f.Choices is not null).Select(f => f.Choices!).Distinct().ToList();

    public static string Column(int index) =>
        index <= 26 ? ((char)('A' + index - 1)).ToString() : Column((index - 1) / 26) + (char)('A' + ((index - 1) % 26));

    public static string Cell(int column, int row) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The label (a resource key) of a field as a rule names it ("Programmes[2].Capacity" → "Places").</summary>
    public static string? LabelOf(ProfileSection section, string field)
    {
        var tab = Tabs.Single(t => t.Section == section);
        var name = field.Contains('.', StringComparison.Ordinal) ? field[(field.LastIndexOf('.') + 1)..] : field;
        return tab.Fields.Concat(tab.Columns).FirstOrDefault(f => f.Name == name)?.Label;
    }

    /// <summary>An enum value's label key, formed as <see cref="EnumLabels"/> forms it.</summary>
    public static string ChoiceKey(Enum value) => value.GetType().Name + "." + value;

    public static IEnumerable<Enum> ChoicesOf(Type type) => Enum.GetValues(type).Cast<Enum>();

    private static SheetTab Tab<TInput>(ProfileSection section, int tableColumn = 1)
    {
        var rows = typeof(TInput).GetProperties().SingleOrDefault(p => p.CanWrite && IsList(p.PropertyType));
        var columns = rows is null ? [] : Fields(rows.PropertyType.GetGenericArguments()[0]);
        return new SheetTab(section, typeof(TInput), Fields(typeof(TInput)), rows, columns, tableColumn);
    }

    private static List<SheetField> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !IsList(p.PropertyType) && p.GetCustomAttribute<FormOnlyAttribute>() is null)
            .Select(p => new SheetField(p, p.GetCustomAttribute<DisplayAttribute>()?.Name ?? RowNumberLabel, KindOf(p), ChoiceType(p)))
            .ToList();

    private static SheetValueKind KindOf(PropertyInfo p)
    {
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        return p.Name == nameof(ProgrammeRowInput.ProgrammeId) ? SheetValueKind.ProgrammeCode
            : type == typeof(int) ? SheetValueKind.WholeNumber
            : type == typeof(decimal) ? SheetValueKind.Number
            : type == typeof(bool) ? SheetValueKind.YesNo
            : type.IsEnum ? SheetValueKind.Choice
            : SheetValueKind.Text;
    }

    private static Type? ChoiceType(PropertyInfo p)
    {
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        return type.IsEnum ? type : null;
    }

    private static bool IsList(Type type) => type != typeof(string) && typeof(IList).IsAssignableFrom(type);
}

/// <summary>
/// The workbook speaks French and Arabic side by side whatever the reader's language: labels are looked up in
/// each culture here.
/// </summary>
public sealed class SheetText(IStringLocalizer localizer)
{
    public string In(string culture, string key)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return localizer[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    public string In(string culture, string key, params object[] arguments)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return localizer[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>"French / Arabic", the text of a heading or a list value.</summary>
    public string Both(string key) => In(Cultures.French, key) + " / " + In(Cultures.Arabic, key);

    /// <summary>Every way a reader may have written the key's text: both together, or one language alone.</summary>
    public IEnumerable<string> Variants(string key) =>
        [Both(key), In(Cultures.French, key), In(Cultures.Arabic, key), In(Cultures.English, key)];

    /// <summary>A tab's name in the reader's language (at most 31 characters, as Excel requires).</summary>
    public string TabName(ProfileSection section) => Truncate(localizer[SheetLayout.ChoiceKey(section)].Value);

    public IEnumerable<string> TabNames(ProfileSection section) =>
        Cultures.Supported.Select(c => Truncate(In(c, SheetLayout.ChoiceKey(section))));

    private static string Truncate(string name) => name.Length > 31 ? name[..31] : name;
}
