namespace RegionalTraining.Core.Notifications;

/// <summary>
/// An in-app message to one user (a profile returned, a reminder). The text is a resource key with arguments,
/// so each person reads it in the language they use when they open it, not the sender's.
/// </summary>
public class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string MessageKey { get; set; }

    /// <summary>Arguments of the message, separated by U+001F (they are names and dates, never markup).</summary>
    public string? Arguments { get; set; }

    public const int ArgumentsMaximumLength = 1000;

    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    /// <summary>The e-mail copy waits for the recipient's daily digest (he chose it for this kind of notice).</summary>
    public bool EmailHeld { get; set; }

    public const char Separator = '\u001F';

    public string[] ArgumentList => string.IsNullOrEmpty(Arguments) ? [] : Arguments.Split(Separator);
}
