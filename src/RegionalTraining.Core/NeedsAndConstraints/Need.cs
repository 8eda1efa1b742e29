using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.NeedsAndConstraints;

public enum NeedCategory
{
    Infrastructure = 1,
    Equipment = 2,
    HumanResources = 3,
    Pedagogy = 4,
    BoardingAndTransport = 5,
    Digital = 6,
    Partnerships = 7,
    Other = 8,
}

public enum Priority
{
    Low = 1,
    Medium = 2,
    High = 3,
    Urgent = 4,
}

public enum Severity
{
    Minor = 1,
    Moderate = 2,
    Serious = 3,
    Critical = 4,
}

/// <summary>Follow-up state of a need or constraint, from raised to resolved (later issues move it along).</summary>
public enum FollowUpStatus
{
    Open = 1,
    InProgress = 2,
    Resolved = 3,
    Dropped = 4,
}

/// <summary>A need an establishment raises in its profile (equipment, trainers, boarding…), with its estimated cost.</summary>
public class Need : EditableEntity
{
    public int EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    public int? ProfileId { get; set; }

    public EstablishmentProfile? Profile { get; set; }

    public NeedCategory Category { get; set; }

    public required string Description { get; set; }

    public int? Quantity { get; set; }

    /// <summary>In Moroccan dirhams.</summary>
    public decimal? EstimatedCostMad { get; set; }

    public Priority Priority { get; set; } = Priority.Medium;

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Open;
}

/// <summary>A constraint that hinders training, with its effect and the solution the director proposes.</summary>
public class Constraint : EditableEntity
{
    public int EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    public int? ProfileId { get; set; }

    public EstablishmentProfile? Profile { get; set; }

    public NeedCategory Category { get; set; }

    public required string Description { get; set; }

    public Severity Severity { get; set; } = Severity.Moderate;

    public string? EffectOnTraining { get; set; }

    public string? ProposedSolution { get; set; }

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Open;
}
