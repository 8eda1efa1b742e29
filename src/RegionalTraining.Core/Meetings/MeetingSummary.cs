using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Meetings;

public enum SummaryStatus
{
    Draft = 1,
    InReview = 2,
    Approved = 3,
    Published = 4,
}

/// <summary>
/// The minutes, in Arabic and French (Markdown), with a press statement. Published minutes are frozen: a
/// correction makes a new revision with its reason, and every revision is kept.
/// </summary>
public class MeetingSummary : EditableEntity
{
    public int MeetingId { get; set; }

    public string BodyFr { get; set; } = string.Empty;

    public string BodyAr { get; set; } = string.Empty;

    public string? PressStatementFr { get; set; }

    public string? PressStatementAr { get; set; }

    public SummaryStatus Status { get; set; } = SummaryStatus.Draft;

    public DateTime? PublishedAtUtc { get; set; }

    public string? ApprovedBy { get; set; }

    /// <summary>Folded text of titles and bodies in both languages, for the public search.</summary>
    public string SearchKey { get; set; } = string.Empty;

    public List<SummaryRevision> Revisions { get; set; } = [];
}

/// <summary>A saved state of the minutes: each save of a draft, each transition, each correction.</summary>
public class SummaryRevision
{
    public int Id { get; set; }

    public int SummaryId { get; set; }

    public int Number { get; set; }

    public DateTime AtUtc { get; set; }

    public string UserName { get; set; } = string.Empty;

    public SummaryStatus Status { get; set; }

    public string? Reason { get; set; }

    public string BodyFr { get; set; } = string.Empty;

    public string BodyAr { get; set; } = string.Empty;

    public string? PressStatementFr { get; set; }

    public string? PressStatementAr { get; set; }
}
