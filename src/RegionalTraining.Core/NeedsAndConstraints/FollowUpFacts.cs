using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>A field of a register item that a sheet's edit may change, named on the item's history line.</summary>
public enum ItemField
{
    Category = 1,
    Priority = 2,
    Severity = 3,
    Description = 4,
    Quantity = 5,
    EstimatedCost = 6,
    EffectOnTraining = 7,
    ProposedSolution = 8,
}

/// <summary>
/// What a history line says, as facts rather than a sentence: values (enums, dates, numbers) and the people's own
/// words, so the page renders the line in the reader's language (docs/decisions/0028-register-language-polish.md).
/// Stored as JSON with enum names, so a renumbered enum never changes an old line. Lines written before these facts
/// existed have none and keep their text as it was.
/// </summary>
public sealed record FollowUpFacts
{
    public ItemOwner? Owner { get; init; }

    public DateOnly? DueOn { get; init; }

    /// <summary>The day of a resolution, or the day a deferral runs to.</summary>
    public DateOnly? On { get; init; }

    public NeedCategory? Category { get; init; }

    public Priority? Priority { get; init; }

    public Severity? Severity { get; init; }

    public int? Quantity { get; init; }

    public decimal? EstimatedCostMad { get; init; }

    public string? EffectOnTraining { get; init; }

    public string? ProposedSolution { get; init; }

    /// <summary>The partner of an offer linked or unlinked, in French and Arabic (never a contact): named in the reader's language.</summary>
    public string? PartnerFr { get; init; }

    public string? PartnerAr { get; init; }

    /// <summary>The fields a sheet's edit changed (empty when the item was raised).</summary>
    public IReadOnlyList<ItemField> Changed { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Arabic kept as it is, not escaped to six characters a letter: the column's length holds.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The need as a sheet left it; the description goes in the line's text.</summary>
    public static FollowUpFacts Of(Need n) => new() { Category = n.Category, Priority = n.Priority, Quantity = n.Quantity, EstimatedCostMad = n.EstimatedCostMad };

    public static FollowUpFacts Of(Constraint c) => new()
    {
        Category = c.Category, Severity = c.Severity, EffectOnTraining = Short(c.EffectOnTraining), ProposedSolution = Short(c.ProposedSolution),
    };

    /// <summary>These facts, naming the fields that differ from the item as it was before (with its description then and now).</summary>
    public FollowUpFacts ChangedFrom(FollowUpFacts before, string? descriptionBefore, string? descriptionAfter)
    {
        var changed = new List<ItemField>();
        void Compare(bool differs, ItemField field)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }

        Compare(Category != before.Category, ItemField.Category);
        Compare(Priority != before.Priority, ItemField.Priority);
        Compare(Severity != before.Severity, ItemField.Severity);
        Compare(descriptionBefore != descriptionAfter, ItemField.Description);
        Compare(Quantity != before.Quantity, ItemField.Quantity);
        Compare(EstimatedCostMad != before.EstimatedCostMad, ItemField.EstimatedCost);
        Compare(EffectOnTraining != before.EffectOnTraining, ItemField.EffectOnTraining);
        Compare(ProposedSolution != before.ProposedSolution, ItemField.ProposedSolution);
        return this with { Changed = changed };
    }

    /// <summary>The facts as stored; should escaped characters make the constraint's words too long, they are left out (the sheet's own history keeps them).</summary>
    public string ToJson()
    {
        var json = JsonSerializer.Serialize(this, Json);
        return json.Length <= MaximumLength ? json : JsonSerializer.Serialize(this with { EffectOnTraining = null, ProposedSolution = null }, Json);
    }

    /// <summary>The facts of a stored line; null for a line written before facts were kept, or one that cannot be read.</summary>
    public static FollowUpFacts? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FollowUpFacts>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The constraint's own words, shortened so the facts of a line stay within their column.</summary>
    private static string? Short(string? text) => text is { Length: > MaximumWords } ? text[..(MaximumWords - 1)] + "…" : text;

    private const int MaximumWords = 900;

    /// <summary>The column's length: two texts of <see cref="MaximumWords"/> characters and the values around them.</summary>
    public const int MaximumLength = 4000;
}
