namespace RegionalTraining.Core.Meetings.Archive;

/// <summary>
/// One row that says which state of the public archive the database holds: its <see cref="Stamp"/> is renewed, in the
/// same transaction, by every save that changes what the archive, a meeting's public page or the feeds could show
/// (<see cref="ArchiveVersionInterceptor"/>). Every web node reads it per request to key its cached public pages and
/// to answer conditional requests, so a change made on one node is seen at once by all. See
/// docs/decisions/0011-public-page-caching.md.
/// </summary>
public class ArchiveVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>A new random value at every change: the cached pages and the ETags of the old state no longer match.</summary>
    public required string Stamp { get; set; }

    /// <summary>When the archive last changed (UTC), at least a second after the change before, for Last-Modified.</summary>
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>What a request needs from <see cref="ArchiveVersion"/>.</summary>
public sealed record ArchiveState(string Stamp, DateTime ChangedAtUtc);
