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

/// <summary>
/// Where a need or constraint stands in the register, from raised to closed. The moves between them are the rules
/// of <see cref="FollowUpLifecycle"/>; nothing else changes a status.
/// </summary>
public enum FollowUpStatus
{
    /// <summary>Written in a sheet or by the directorate; nobody has answered yet.</summary>
    Raised = 1,
    Acknowledged = 2,
    InProgress = 3,

    /// <summary>The directorate says it is done; the establishment's director confirms or reopens it.</summary>
    Resolved = 4,

    /// <summary>Confirmed by the establishment (or withdrawn by it from its sheet): the end of the item.</summary>
    Closed = 5,
    Declined = 6,
    Deferred = 7,
}

/// <summary>Who carries an item in progress.</summary>
public enum ItemOwner
{
    Establishment = 1,
    Directorate = 2,
    NationalOffice = 3,
    Partner = 4,
}

/// <summary>The two kinds of register item, which live in two tables.</summary>
public enum ItemType
{
    Need = 1,
    Constraint = 2,
}

/// <summary>What a need and a constraint share as register items: their follow-up, and the sheets that showed them.</summary>
public interface IRegisterItem
{
    int Id { get; }

    int EstablishmentId { get; }

    Establishment? Establishment { get; }

    NeedCategory Category { get; }

    string Description { get; }

    FollowUpStatus Status { get; set; }

    ItemOwner? Owner { get; set; }

    DateOnly? DueOn { get; set; }

    string? Plan { get; set; }

    /// <summary>What was done (resolved) or why not (declined).</summary>
    string? Outcome { get; set; }

    /// <summary>The day it was resolved.</summary>
    DateOnly? OutcomeOn { get; set; }

    DateOnly? DeferredUntil { get; set; }

    /// <summary>The day the directorate escalated it to the national office (null: never escalated); the reason is in the history.</summary>
    DateOnly? EscalatedOn { get; set; }

    /// <summary>The yearly sheets that showed this item, from the one that raised it to the last that confirmed it open.</summary>
    List<EstablishmentProfile> Sheets { get; }
}

/// <summary>A need an establishment raises in its profile (equipment, trainers, boarding…), with its estimated cost.</summary>
public class Need : EditableEntity, IRegisterItem
{
    public int EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    /// <summary>The sheet that first raised it; null when the directorate raised it (e.g. at a meeting).</summary>
    public int? ProfileId { get; set; }

    public EstablishmentProfile? Profile { get; set; }

    public NeedCategory Category { get; set; }

    public required string Description { get; set; }

    public int? Quantity { get; set; }

    /// <summary>In Moroccan dirhams.</summary>
    public decimal? EstimatedCostMad { get; set; }

    public Priority Priority { get; set; } = Priority.Medium;

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Raised;

    public ItemOwner? Owner { get; set; }

    public DateOnly? DueOn { get; set; }

    public string? Plan { get; set; }

    public string? Outcome { get; set; }

    public DateOnly? OutcomeOn { get; set; }

    public DateOnly? DeferredUntil { get; set; }

    public DateOnly? EscalatedOn { get; set; }

    public List<EstablishmentProfile> Sheets { get; } = [];
}

/// <summary>A constraint that hinders training, with its effect and the solution the director proposes.</summary>
public class Constraint : EditableEntity, IRegisterItem
{
    public int EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    /// <summary>The sheet that first raised it; null when the directorate raised it (e.g. at a meeting).</summary>
    public int? ProfileId { get; set; }

    public EstablishmentProfile? Profile { get; set; }

    public NeedCategory Category { get; set; }

    public required string Description { get; set; }

    public Severity Severity { get; set; } = Severity.Moderate;

    public string? EffectOnTraining { get; set; }

    public string? ProposedSolution { get; set; }

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Raised;

    public ItemOwner? Owner { get; set; }

    public DateOnly? DueOn { get; set; }

    public string? Plan { get; set; }

    public string? Outcome { get; set; }

    public DateOnly? OutcomeOn { get; set; }

    public DateOnly? DeferredUntil { get; set; }

    public DateOnly? EscalatedOn { get; set; }

    public List<EstablishmentProfile> Sheets { get; } = [];
}
