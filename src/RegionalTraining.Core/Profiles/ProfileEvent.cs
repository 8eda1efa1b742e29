namespace RegionalTraining.Core.Profiles;

public enum ProfileEventKind
{
    Created = 1,
    SectionSaved = 2,
    Submitted = 3,
    Returned = 4,
    Approved = 5,
    Reopened = 6,
}

/// <summary>One entry of a profile's history: a transition or a save, who did it, when, and what changed.</summary>
public class ProfileEvent
{
    public long Id { get; set; }

    public int ProfileId { get; set; }

    public ProfileEventKind Kind { get; set; }

    public ProfileSection? Section { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string? Comment { get; set; }

    public List<ProfileChange> Changes { get; set; } = [];
}

/// <summary>A value that changed: field, old → new, as text in the invariant culture.</summary>
public class ProfileChange
{
    public long Id { get; set; }

    public long EventId { get; set; }

    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }
}
