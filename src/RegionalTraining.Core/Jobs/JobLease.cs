namespace RegionalTraining.Core.Jobs;

/// <summary>
/// Who runs a background job for one period (a day, a week). One row per job and period: the node that creates it
/// (or takes over an expired, unfinished one) runs the job; <see cref="CompletedAtUtc"/> says the period is done and
/// nobody runs it again.
/// </summary>
public class JobLease
{
    public const int JobNameMaximumLength = 100;
    public const int PeriodKeyMaximumLength = 32;
    public const int HolderMaximumLength = 200;

    public required string JobName { get; set; }

    /// <summary>The period in Morocco's calendar: "2026-12-02" for a day, "2026-W49" for an ISO week.</summary>
    public required string PeriodKey { get; set; }

    /// <summary>The node and process that holds the lease (machine/process/instance), for the logs and an operator.</summary>
    public required string Holder { get; set; }

    public DateTime AcquiredAtUtc { get; set; }

    /// <summary>After this instant an unfinished lease may be taken over (its holder is presumed dead).</summary>
    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }
}
