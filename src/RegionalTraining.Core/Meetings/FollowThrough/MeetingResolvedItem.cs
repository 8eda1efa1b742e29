using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Meetings.FollowThrough;

/// <summary>
/// A register item resolved (or closed) since the previous meeting, copied when the meeting's minutes were published:
/// published means frozen, so later moves of the item (a reopening, a new description) never change the record.
/// </summary>
public class MeetingResolvedItem
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public ItemType ItemType { get; set; }

    /// <summary>The need's or constraint's id at the time (no foreign key: the copy stands on its own).</summary>
    public int ItemId { get; set; }

    public int EstablishmentId { get; set; }

    public required string EstablishmentFr { get; set; }

    public required string EstablishmentAr { get; set; }

    public NeedCategory Category { get; set; }

    public required string Description { get; set; }

    /// <summary>What was done, as the item said when the minutes were published.</summary>
    public string? Outcome { get; set; }

    public DateOnly ResolvedOn { get; set; }

    public FollowUpStatus Status { get; set; }
}
