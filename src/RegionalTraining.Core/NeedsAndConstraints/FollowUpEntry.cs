namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>What happened to a register item: a move of the lifecycle, an edit in a sheet, or a comment.</summary>
public enum FollowUpEventKind
{
    Raised = 1,
    Edited = 2,
    Acknowledged = 3,
    Assigned = 4,
    Resolved = 5,
    Declined = 6,
    Deferred = 7,
    Confirmed = 8,
    Reopened = 9,
    Withdrawn = 10,
    Commented = 11,
    Escalated = 12,

    /// <summary>Staff linked a partner's offer to the item; the text names the partner and the offer, never a contact.</summary>
    OfferLinked = 13,
    OfferUnlinked = 14,
}

/// <summary>
/// One line of an item's history, never changed once written: dated, signed (the account and the name it had), with
/// the status the item had after it and the text that goes with it (the plan, what was done, a reason, a comment).
/// An entry belongs to a need or to a constraint, never both.
/// </summary>
public class FollowUpEntry
{
    public int Id { get; set; }

    public int? NeedId { get; set; }

    public Need? Need { get; set; }

    public int? ConstraintId { get; set; }

    public Constraint? Constraint { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    public FollowUpEventKind Kind { get; set; }

    public FollowUpStatus Status { get; set; }

    /// <summary>The people's own words: a plan, what was done, a reason, a comment, the item's description.</summary>
    public string? Text { get; set; }

    /// <summary>The line's values as <see cref="FollowUpFacts"/> JSON, rendered in the reader's language; null on older lines.</summary>
    public string? Facts { get; set; }

    /// <summary>
    /// The photo or document given with a resolution, kept on this line (not on the item) so that a resolution
    /// reopened and given again keeps each proof with the claim it went with. Stored like meeting attachments.
    /// </summary>
    public string? EvidenceStoredName { get; set; }

    public string? EvidenceName { get; set; }

    public string? EvidenceContentType { get; set; }
}
