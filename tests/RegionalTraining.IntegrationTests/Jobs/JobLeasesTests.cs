using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Jobs;
using RegionalTraining.IntegrationTests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace RegionalTraining.IntegrationTests.Jobs;

[Collection(PortalCollection.Name)]
public sealed class JobLeasesTests(RegionalTrainingFactory factory)
{
    [Fact]
    public async Task TryAcquire_ForAPeriodAlreadyDone_StandsAsideWithoutLoggingAnError()
    {
        var sink = new CollectingLogSink();
        using var portal = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink)));
        var period = "test-" + Guid.NewGuid().ToString("N")[..12];

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            Assert.True(await leases.TryAcquireAsync("lease-test", period, "node-a", TimeSpan.FromMinutes(30)));
            Assert.True(await leases.CompleteAsync("lease-test", period, "node-a"));
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // A node restarting within the same period: it must stand aside, quietly.
            Assert.False(await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync("lease-test", period, "node-b", TimeSpan.FromMinutes(30)));
        }

        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
        Assert.Contains(sink.Events, e => e.RenderMessage().Contains("lease acquired by \"node-a\"", StringComparison.Ordinal));
    }
}
