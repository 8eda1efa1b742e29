using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>The needs section: what the establishment asks for. Needs still open carry over to a new year.</summary>
public sealed record NeedsInput : ISectionInput
{
    public static ProfileSection Section => ProfileSection.Needs;

    public List<NeedRowInput> Needs { get; init; } = [];

    /// <summary>The rows that are kept on saving: described and not marked for removal.</summary>
    public IReadOnlyList<NeedRowInput> Kept => Needs.Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Description)).ToList();

    public static NeedsInput From(IEnumerable<Need> needs) => new() { Needs = needs.Select(NeedRowInput.From).ToList() };
}

/// <summary>The constraints section: what hinders training. Constraints still open carry over to a new year.</summary>
public sealed record ConstraintsInput : ISectionInput
{
    public static ProfileSection Section => ProfileSection.Constraints;

    public List<ConstraintRowInput> Constraints { get; init; } = [];

    public IReadOnlyList<ConstraintRowInput> Kept => Constraints.Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Description)).ToList();

    public static ConstraintsInput From(IEnumerable<Constraint> constraints) => new() { Constraints = constraints.Select(ConstraintRowInput.From).ToList() };
}

/// <param name="Id">An existing need of the same profile, or null for a new one.</param>
[StoredAs(typeof(Need))]
public sealed record NeedRowInput
{
    public int? Id { get; init; }

    [Display(Name = "Category")]
    public NeedCategory Category { get; init; } = NeedCategory.Equipment;

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Description")]
    public string? Description { get; init; }

    [Range(0, 1_000_000, ErrorMessage = "The number must be between {1} and {2}.")]
    [Display(Name = "Quantity")]
    public int? Quantity { get; init; }

    [Range(typeof(decimal), "0", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The amount must be between {1} and {2}.")]
    [Display(Name = "Estimated cost (MAD)")]
    public decimal? EstimatedCostMad { get; init; }

    [Display(Name = "Priority")]
    public Priority Priority { get; init; } = Priority.Medium;

    [FormOnly]
    [Display(Name = "Remove")]
    public bool Remove { get; init; }

    public static NeedRowInput From(Need n) => new()
    {
        Id = n.Id, Category = n.Category, Description = n.Description, Quantity = n.Quantity, EstimatedCostMad = n.EstimatedCostMad, Priority = n.Priority,
    };

    public void ApplyTo(Need n)
    {
        n.Category = Category;
        n.Description = Description!.Trim();
        n.Quantity = Quantity;
        n.EstimatedCostMad = EstimatedCostMad;
        n.Priority = Priority;
    }

    /// <summary>For the history, in the invariant culture; <see cref="Profiles.ProfileHistoryFields"/> reads it back.</summary>
    public static string Describe(Need n) => string.Create(CultureInfo.InvariantCulture,
        $"{n.Category}, {n.Priority}: {n.Description} (quantity {n.Quantity}, {n.EstimatedCostMad} MAD)");
}

[StoredAs(typeof(Constraint))]
public sealed record ConstraintRowInput
{
    public int? Id { get; init; }

    [Display(Name = "Category")]
    public NeedCategory Category { get; init; } = NeedCategory.Infrastructure;

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Description")]
    public string? Description { get; init; }

    [Display(Name = "Severity")]
    public Severity Severity { get; init; } = Severity.Moderate;

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Effect on training")]
    public string? EffectOnTraining { get; init; }

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [Display(Name = "Proposed solution")]
    public string? ProposedSolution { get; init; }

    [FormOnly]
    [Display(Name = "Remove")]
    public bool Remove { get; init; }

    public static ConstraintRowInput From(Constraint c) => new()
    {
        Id = c.Id, Category = c.Category, Description = c.Description, Severity = c.Severity,
        EffectOnTraining = c.EffectOnTraining, ProposedSolution = c.ProposedSolution,
    };

    public void ApplyTo(Constraint c)
    {
        c.Category = Category;
        c.Description = Description!.Trim();
        c.Severity = Severity;
        c.EffectOnTraining = EffectOnTraining?.Trim();
        c.ProposedSolution = ProposedSolution?.Trim();
    }

    /// <summary>For the history, in the invariant culture; <see cref="Profiles.ProfileHistoryFields"/> reads it back.</summary>
    public static string Describe(Constraint c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Category}, {c.Severity}: {c.Description} / effect: {c.EffectOnTraining} / solution: {c.ProposedSolution}");
}
