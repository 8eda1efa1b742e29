namespace RegionalTraining.Core.Notifications.Digests;

/// <summary>Settings of the digest job (configuration section <c>Digests</c>, see docs/operations.md).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Off on a node that must not send (and in the tests that run the job by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job wakes to see whether a period is due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Morocco's hour at which the daily digest's day begins.</summary>
    public int DailyHour { get; set; } = 7;

    /// <summary>Morocco's hour, on Monday, at which the weekly register digest's week begins.</summary>
    public int WeeklyHour { get; set; } = 7;

    /// <summary>How long a node may hold a period before another presumes it dead and takes over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(30);
}
