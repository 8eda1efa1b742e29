using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.Profiles;

/// <summary>What a history line's field is, read back from the key <see cref="ProfileSnapshot"/> or the sheet's needs and constraints wrote.</summary>
public enum HistoryFieldKind
{
    /// <summary>A key this reader does not know: shown as stored.</summary>
    Unknown,

    /// <summary>One field of a section's input; <see cref="HistoryField.ValueType"/> says how its value reads.</summary>
    Scalar,

    /// <summary>The section's comment on its warnings.</summary>
    Comment,

    /// <summary>One piece of equipment, by its name: "3 (Working) + 1 (Broken)".</summary>
    Equipment,

    /// <summary>One programme, by its code: groups, places, trainees and graduates (<see cref="ProgrammesInput"/>).</summary>
    Programme,

    /// <summary>One need of the sheet, by its number, or a new one.</summary>
    Need,

    /// <summary>One constraint of the sheet, by its number, or a new one.</summary>
    Constraint,
}

/// <summary>
/// A history line's field read back: its kind, the input's own label (its <see cref="DisplayAttribute"/>) and, for an
/// "of which women" field, the label of the total it belongs to; the item (equipment name, programme code, need or
/// constraint number; null for a new need or constraint) and the value's type for a scalar.
/// </summary>
public sealed record HistoryField(HistoryFieldKind Kind, string Key, string? Label = null, string? ParentLabel = null, string? Item = null, Type? ValueType = null);

/// <summary>The figures of one programme as a history line holds them (<see cref="ProgrammesInput"/>'s description).</summary>
public sealed record HistoryProgrammeFigures(
    int Groups, int Capacity, int FirstYear, int FirstYearWomen, int SecondYear, int SecondYearWomen, int Graduates, int GraduatesWomen);

/// <summary>One need as a history line describes it (<see cref="NeedRowInput.Describe"/>).</summary>
public sealed record HistoryNeed(NeedCategory Category, Priority Priority, string Description, string Quantity, string Cost);

/// <summary>One constraint as a history line describes it (<see cref="ConstraintRowInput.Describe"/>).</summary>
public sealed record HistoryConstraint(NeedCategory Category, Severity Severity, string Description, string Effect, string Solution);

/// <summary>
/// Reads an identity sheet's history lines back into their parts, so that the history page shows them in the
/// reader's language: the lines are stored as the invariant text the snapshot and the descriptions write (so the
/// history of a sheet never changes with the reader), and their labels and choices are the inputs' own. The formats
/// read here are the ones written beside them; <c>ProfileHistoryFieldsTests</c> writes each and reads it back, so
/// that changing one without the other fails. A line this cannot read (an older format, a value cut at its length)
/// is shown as stored.
/// </summary>
public static partial class ProfileHistoryFields
{
    public const string CommentKey = "Comment";
    public const string EquipmentPrefix = "Equipment: ";
    public const string ProgrammePrefix = "Programme ";
    public const string NeedLabel = "Need";
    public const string ConstraintLabel = "Constraint";
    public const string NewItem = "(new)";

    public static HistoryField Read(ProfileSection? section, string key)
    {
        if (key == CommentKey)
        {
            return new HistoryField(HistoryFieldKind.Comment, key);
        }

        if (key.StartsWith(EquipmentPrefix, StringComparison.Ordinal))
        {
            return new HistoryField(HistoryFieldKind.Equipment, key, Item: key[EquipmentPrefix.Length..]);
        }

        if (section == ProfileSection.Programmes && key.StartsWith(ProgrammePrefix, StringComparison.Ordinal))
        {
            return new HistoryField(HistoryFieldKind.Programme, key, Item: key[ProgrammePrefix.Length..]);
        }

        if (section is ProfileSection.Needs or ProfileSection.Constraints && ItemKey().Match(key) is { Success: true } item)
        {
            var kind = item.Groups["kind"].Value == NeedLabel ? HistoryFieldKind.Need : HistoryFieldKind.Constraint;
            return new HistoryField(kind, key, Item: item.Groups["id"].Success ? item.Groups["id"].Value : null);
        }

        var property = ScalarInput(section)?.GetProperty(key, BindingFlags.Public | BindingFlags.Instance);
        if (property?.GetCustomAttribute<DisplayAttribute>()?.Name is not { } label)
        {
            return new HistoryField(HistoryFieldKind.Unknown, key);
        }

        // "of which women" is said of the total it follows: PermanentTrainersWomen belongs to PermanentTrainers.
        var parent = key.EndsWith("Women", StringComparison.Ordinal)
            ? property.DeclaringType!.GetProperty(key[..^"Women".Length])?.GetCustomAttribute<DisplayAttribute>()?.Name
            : null;
        return new HistoryField(HistoryFieldKind.Scalar, key, label, parent, ValueType: Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
    }

    /// <summary>"3 (Working) + 1 (Broken)": each piece's quantity and condition, or null when it does not read so.</summary>
    public static IReadOnlyList<(int Quantity, EquipmentCondition Condition)>? ReadEquipment(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var pieces = new List<(int, EquipmentCondition)>();
        foreach (var part in text.Split(" + "))
        {
            if (EquipmentPiece().Match(part) is not { Success: true } m || !Enum.TryParse<EquipmentCondition>(m.Groups[2].Value, out var condition))
            {
                return null;
            }

            pieces.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), condition));
        }

        return pieces;
    }

    /// <summary>A programme's figures, one set per row of the programme on the sheet, or null when they do not read so.</summary>
    public static IReadOnlyList<HistoryProgrammeFigures>? ReadProgramme(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var rows = new List<HistoryProgrammeFigures>();
        foreach (var part in text.Split(" | "))
        {
            if (ProgrammeRow().Match(part) is not { Success: true } m)
            {
                return null;
            }

            int N(int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
            rows.Add(new HistoryProgrammeFigures(N(1), N(2), N(3), N(4), N(5), N(6), N(7), N(8)));
        }

        return rows;
    }

    public static HistoryNeed? ReadNeed(string? text) =>
        text is not null && NeedText().Match(text) is { Success: true } m
        && Enum.TryParse<NeedCategory>(m.Groups["category"].Value, out var category) && Enum.TryParse<Priority>(m.Groups["priority"].Value, out var priority)
            ? new HistoryNeed(category, priority, m.Groups["description"].Value, m.Groups["quantity"].Value, m.Groups["cost"].Value)
            : null;

    public static HistoryConstraint? ReadConstraint(string? text) =>
        text is not null && ConstraintText().Match(text) is { Success: true } m
        && Enum.TryParse<NeedCategory>(m.Groups["category"].Value, out var category) && Enum.TryParse<Severity>(m.Groups["severity"].Value, out var severity)
            ? new HistoryConstraint(category, severity, m.Groups["description"].Value, m.Groups["effect"].Value, m.Groups["solution"].Value)
            : null;

    /// <summary>The comment a return leaves in the history: one "Section: words" line per section commented.</summary>
    public static string ReturnComment(IEnumerable<KeyValuePair<ProfileSection, string>> comments) =>
        string.Join("\n", comments.Select(c => $"{c.Key}: {c.Value}"));

    /// <summary>
    /// A return's comment line by line, with the section a line begins with; null for a line that names none (the
    /// rest of a comment written on several lines).
    /// </summary>
    public static IReadOnlyList<(ProfileSection? Section, string Text)> ReadReturnComment(string comment) =>
        comment.Split('\n').Select(line => ReturnLine().Match(line) is { Success: true } m && Enum.TryParse<ProfileSection>(m.Groups[1].Value, out var section)
            ? ((ProfileSection?)section, m.Groups[2].Value)
            : (null, line)).ToList();

    /// <summary>The input whose fields a section's snapshot lists by name (<see cref="ProfileSnapshot.Of"/>).</summary>
    private static Type? ScalarInput(ProfileSection? section) => section switch
    {
        ProfileSection.General => typeof(GeneralInput),
        ProfileSection.HumanResources => typeof(HumanResourcesInput),
        ProfileSection.MaterialResources => typeof(MaterialResourcesInput),
        _ => null,
    };

    [GeneratedRegex(@"^([A-Za-z]+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex ReturnLine();

    [GeneratedRegex("^(?<kind>" + NeedLabel + "|" + ConstraintLabel + @") (?:(?<id>[0-9]+)|\(new\))$")]
    private static partial Regex ItemKey();

    [GeneratedRegex(@"^([0-9]+) \(([A-Za-z]+)\)$")]
    private static partial Regex EquipmentPiece();

    [GeneratedRegex(@"^groups ([0-9]+), capacity ([0-9]+), year 1 ([0-9]+) \(women ([0-9]+)\), year 2 ([0-9]+) \(women ([0-9]+)\), graduates ([0-9]+) \(women ([0-9]+)\)$")]
    private static partial Regex ProgrammeRow();

    // Descriptions are the establishment's own words and may hold anything: a need's fixed tail is read from the end,
    // a constraint's parts are cut at the first " / effect: " and the next " / solution: ".
    [GeneratedRegex(@"^(?<category>[A-Za-z]+), (?<priority>[A-Za-z]+): (?<description>.*) \(quantity (?<quantity>[0-9]*), (?<cost>[0-9.]*) MAD\)$", RegexOptions.Singleline)]
    private static partial Regex NeedText();

    [GeneratedRegex(@"^(?<category>[A-Za-z]+), (?<severity>[A-Za-z]+): (?<description>.*?) / effect: (?<effect>.*?) / solution: (?<solution>.*)$", RegexOptions.Singleline)]
    private static partial Regex ConstraintText();
}
