using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Meetings;

public enum DecisionOwnerKind
{
    Establishment = 1,
    Directorate = 2,
    Partner = 3,
}

public enum DecisionStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

/// <summary>A decision or action item of a meeting, owned by someone, due by a date, followed until done.</summary>
public class Decision : EditableEntity
{
    public int MeetingId { get; set; }

    public Meeting? Meeting { get; set; }

    /// <summary>The decision in French and in Arabic: at least one of the two.</summary>
    public string? TextFr { get; set; }

    public string? TextAr { get; set; }

    public DecisionOwnerKind OwnerKind { get; set; } = DecisionOwnerKind.Directorate;

    public int? OwnerEstablishmentId { get; set; }

    public Establishment? OwnerEstablishment { get; set; }

    /// <summary>The partner's name when the owner is a partner (commune, province, provincial council, INDH…).</summary>
    public string? OwnerPartner { get; set; }

    public DateOnly? DueOn { get; set; }

    public DecisionStatus Status { get; set; } = DecisionStatus.Open;

    public List<DecisionNote> Notes { get; set; } = [];

    public List<Constraint> Constraints { get; set; } = [];

    public List<Need> Needs { get; set; } = [];

    public bool IsOverdueOn(DateOnly today) => DueOn is { } due && due < today && Status is DecisionStatus.Open or DecisionStatus.InProgress;
}

/// <summary>A dated progress note on a decision, with the status it left the decision in.</summary>
public class DecisionNote
{
    public int Id { get; set; }

    public int DecisionId { get; set; }

    public DateTime AtUtc { get; set; }

    public string UserName { get; set; } = string.Empty;

    public required string Text { get; set; }

    public DecisionStatus Status { get; set; }
}
