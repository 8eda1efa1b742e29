using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Jobs;

namespace RegionalTraining.Core.Notifications.Digests;

/// <summary>
/// What the background job does each time it wakes: for the daily and the weekly digest, the current period in
/// Morocco's calendar; the node that wins the period's lease sends, then marks the period done.
/// </summary>
public sealed class DigestJobs(JobLeases leases, DailyDigest daily, WeeklyRegisterDigest weekly, DigestOptions options, LocalCalendar calendar, TimeProvider clock, ILogger<DigestJobs> logger)
{
    public const string DailyJob = "daily-digest";
    public const string WeeklyJob = "weekly-register-digest";

    /// <summary>Runs what is due and not yet done; the value is the number of periods this holder ran.</summary>
    public async Task<int> RunDueAsync(string holder, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var day = DigestSchedule.Daily(now, calendar.Zone, options.DailyHour);
        var week = DigestSchedule.Weekly(now, calendar.Zone, options.WeeklyHour);
        var ran = 0;
        if (await RunOnceAsync(DailyJob, day, holder, () => daily.SendAsync(cancellationToken), cancellationToken))
        {
            ran++;
        }

        if (await RunOnceAsync(WeeklyJob, week, holder, () => weekly.SendAsync(week.StartedAtUtc, cancellationToken), cancellationToken))
        {
            ran++;
        }

        return ran;
    }

    private async Task<bool> RunOnceAsync(string job, DigestPeriod period, string holder, Func<Task<int>> send, CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(job, period.Key, holder, options.LeaseDuration, cancellationToken))
        {
            return false;
        }

        var emails = await send();
        await leases.CompleteAsync(job, period.Key, holder, cancellationToken);
        logger.LogInformation("Job {JobName} period {PeriodKey} done by {Holder}: {EmailCount} e-mails", job, period.Key, holder, emails);
        return true;
    }
}
