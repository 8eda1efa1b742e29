using RegionalTraining.Core.Notifications.Digests;

namespace RegionalTraining.Web.Infrastructure.Email;

/// <summary>
/// Wakes every <see cref="DigestOptions.Interval"/> (on the injected clock, so tests move time by hand) and runs the
/// digests that are due. Every node runs it; the database lease lets one node only send each period.
/// </summary>
public sealed class DigestJobRunner(IServiceScopeFactory scopes, DigestOptions options, TimeProvider clock, ILogger<DigestJobRunner> logger) : BackgroundService
{
    /// <summary>This node and process, as written in the lease (one per start, so a restarted node is a new holder).</summary>
    public string Holder { get; } = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DigestJobs>().RunDueAsync(Holder, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed run (database or mail server down) is tried again at the next wake; the lease expires meanwhile.
            logger.LogError(ex, "Digest job run by {Holder} failed", Holder);
        }
    }

    private static string Truncate(string holder) =>
        holder.Length <= Core.Jobs.JobLease.HolderMaximumLength ? holder : holder[^Core.Jobs.JobLease.HolderMaximumLength..];
}
