using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Jobs;

/// <summary>
/// Leases of background jobs in the database, so that with several web nodes exactly one runs each period. Each
/// step is a single statement the database makes atomic: a conditional UPDATE takes over an expired, unfinished
/// lease; otherwise an INSERT creates the period's row, and the primary key (job, period) refuses every other node's.
/// </summary>
public sealed class JobLeases(AppDbContext db, TimeProvider clock, ILogger<JobLeases> logger)
{
    /// <summary>True when this holder now holds the job's lease for the period; false when another holds it or it is done.</summary>
    public async Task<bool> TryAcquireAsync(string jobName, string periodKey, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var takenOver = await db.JobLeases
            .Where(l => l.JobName == jobName && l.PeriodKey == periodKey && l.CompletedAtUtc == null && l.ExpiresAtUtc < now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.AcquiredAtUtc, now).SetProperty(l => l.ExpiresAtUtc, expires), cancellationToken);
        if (takenOver == 1)
        {
            logger.LogWarning("Job {JobName} period {PeriodKey}: expired lease taken over by {Holder}", jobName, periodKey, holder);
            return true;
        }

        // Look before inserting: a node restarting within a period it (or another) already ran would otherwise meet the
        // unique index, and EF Core logs every failed command as an error before our catch can call it expected. The
        // catch stays for two nodes inserting at the same moment.
        if (await db.JobLeases.AnyAsync(l => l.JobName == jobName && l.PeriodKey == periodKey, cancellationToken))
        {
            logger.LogDebug("Job {JobName} period {PeriodKey}: lease held elsewhere or done, {Holder} stands aside", jobName, periodKey, holder);
            return false;
        }

        var lease = new JobLease { JobName = jobName, PeriodKey = periodKey, Holder = holder, AcquiredAtUtc = now, ExpiresAtUtc = expires };
        db.JobLeases.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Job {JobName} period {PeriodKey}: lease acquired by {Holder}", jobName, periodKey, holder);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // The period's row exists: another node holds it or has finished it. Expected, not an error.
            db.Entry(lease).State = EntityState.Detached;
            logger.LogDebug(ex, "Job {JobName} period {PeriodKey}: lease held elsewhere, {Holder} stands aside", jobName, periodKey, holder);
            return false;
        }
    }

    /// <summary>Marks the period done, if this holder still holds it.</summary>
    public async Task<bool> CompleteAsync(string jobName, string periodKey, string holder, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var done = await db.JobLeases
            .Where(l => l.JobName == jobName && l.PeriodKey == periodKey && l.Holder == holder && l.CompletedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CompletedAtUtc, now), cancellationToken);
        return done == 1;
    }
}
