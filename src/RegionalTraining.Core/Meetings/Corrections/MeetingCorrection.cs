namespace RegionalTraining.Core.Meetings.Corrections;

/// <summary>The public part of a meeting that a correction changed.</summary>
public enum MeetingPart
{
    Meeting = 1,
    Agenda = 2,
    Attendance = 3,
    Interventions = 4,
    Decisions = 5,
    Attachments = 6,
    Minutes = 7,
}

/// <summary>
/// A change made to a public part of a meeting after its minutes were published: who, when, why, what part, and a
/// short before/after. Shown on the public page, as the corrections of the minutes are; never edited or removed.
/// </summary>
public class MeetingCorrection
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public DateTime AtUtc { get; set; }

    public string UserName { get; set; } = string.Empty;

    public MeetingPart Part { get; set; }

    public required string Reason { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
