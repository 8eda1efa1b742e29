using System.Globalization;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.ViewModels.Profiles;

/// <summary>One line of a sheet's history in the reader's language: the field's label, the item it names (equipment, programme, need or constraint number), the values before and after.</summary>
public sealed record ProfileHistoryLine(string Field, string? Item, string? Before, string? After);

/// <summary>
/// Shows a stored history line in the reader's language, with the inputs' own labels and choices
/// (<see cref="ProfileHistoryFields"/> reads what the line holds). The establishment's words stay as typed, numbers as
/// stored; a line that does not read (an older format, a value cut at its length) is shown as stored.
/// </summary>
public static class ProfileHistoryText
{
    private const string Separator = " · ";

    public static ProfileHistoryLine Of(IStringLocalizer t, ProfileSection? section, ProfileChangeLine change)
    {
        var field = ProfileHistoryFields.Read(section, change.Field);
        var (label, item) = field.Kind switch
        {
            HistoryFieldKind.Scalar when field.ParentLabel is { } parent => (t[parent] + Separator + t[field.Label!], null),
            HistoryFieldKind.Scalar => (t[field.Label!].Value, null),
            HistoryFieldKind.Comment => (t["Comment on this section (explain the warnings)"].Value, null),
            HistoryFieldKind.Equipment => (t["Equipment"].Value, field.Item),
            HistoryFieldKind.Programme => (t["Programme"].Value, field.Item),
            HistoryFieldKind.Need => (t.Label(ItemType.Need).Value, field.Item ?? $"({t["new row"]})"),
            HistoryFieldKind.Constraint => (t.Label(ItemType.Constraint).Value, field.Item ?? $"({t["new row"]})"),
            _ => (change.Field, (string?)null),
        };
        return new ProfileHistoryLine(label, item, Value(t, field, change.OldValue), Value(t, field, change.NewValue));
    }

    /// <summary>An event's comment; a return's names each section it comments on in the reader's language.</summary>
    public static string? Comment(IStringLocalizer t, ProfileEventKind kind, string? comment) =>
        kind != ProfileEventKind.Returned || comment is null ? comment
        : string.Join("\n", ProfileHistoryFields.ReadReturnComment(comment)
            .Select(line => line.Section is { } section ? t["{0}: {1}", t.Label(section), line.Text].Value : line.Text));

    private static string? Value(IStringLocalizer t, HistoryField field, string? text) => text is null ? null : field.Kind switch
    {
        HistoryFieldKind.Scalar when field.ValueType == typeof(bool) => text switch { "True" => t["Yes"], "False" => t["No"], _ => text },
        HistoryFieldKind.Scalar when field.ValueType is { IsEnum: true } type && Enum.TryParse(type, text, out var choice) => t.Label((Enum)choice),
        HistoryFieldKind.Equipment when ProfileHistoryFields.ReadEquipment(text) is { } pieces =>
            string.Join(" + ", pieces.Select(p => $"{p.Quantity} ({t.Label(p.Condition)})")),
        HistoryFieldKind.Programme when ProfileHistoryFields.ReadProgramme(text) is { } rows => string.Join(" | ", rows.Select(r => Parts(
            Pair(t, "Groups", r.Groups), Pair(t, "Places", r.Capacity),
            $"{Pair(t, "1st year trainees", r.FirstYear)} ({Pair(t, "of which women", r.FirstYearWomen)})",
            $"{Pair(t, "2nd year trainees", r.SecondYear)} ({Pair(t, "of which women", r.SecondYearWomen)})",
            $"{Pair(t, "Graduates last year", r.Graduates)} ({Pair(t, "of which women", r.GraduatesWomen)})"))),
        HistoryFieldKind.Need when ProfileHistoryFields.ReadNeed(text) is { } need => Parts(
            t.Label(need.Category), t.Label(need.Priority), need.Description,
            Pair(t, "Quantity", need.Quantity), Pair(t, "Estimated cost (MAD)", need.Cost)),
        HistoryFieldKind.Constraint when ProfileHistoryFields.ReadConstraint(text) is { } constraint => Parts(
            t.Label(constraint.Category), t.Label(constraint.Severity), constraint.Description,
            Pair(t, "Effect on training", constraint.Effect), Pair(t, "Proposed solution", constraint.Solution)),
        _ => text,
    };

    /// <summary>"Label: value" in the reader's typography (French puts a space before the colon); nothing for an empty value.</summary>
    private static string? Pair(IStringLocalizer t, string label, object value) =>
        value is string { Length: 0 } ? null : t["{0}: {1}", t[label], Convert.ToString(value, CultureInfo.InvariantCulture)!].Value;

    private static string Parts(params string?[] parts) => string.Join(Separator, parts.Where(p => !string.IsNullOrEmpty(p)));
}
