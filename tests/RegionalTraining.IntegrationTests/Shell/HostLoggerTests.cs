using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegionalTraining.IntegrationTests.Infrastructure;
using Serilog.Core;

namespace RegionalTraining.IntegrationTests.Shell;

/// <summary>
/// Several hosts in one process (the tests start many, in parallel) each log to their own sinks. Through the static
/// Log.Logger, the last host started received every host's events, and a test reading its own sink failed by chance.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HostLoggerTests(RegionalTrainingFactory factory)
{
    [Fact]
    public void TwoHostsInOneProcess_EachLogsToItsOwnSinks()
    {
        var firstSink = new CollectingLogSink();
        var secondSink = new CollectingLogSink();
        using var first = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(firstSink)));
        using var second = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(secondSink)));
        _ = first.Server;
        _ = second.Server; // started last
        var marker = Guid.NewGuid().ToString("N");

        first.Services.GetRequiredService<ILogger<HostLoggerTests>>().LogInformation("Written by the first host {Marker}", marker);

        Assert.Contains(firstSink.Events, e => e.RenderMessage().Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(secondSink.Events, e => e.RenderMessage().Contains(marker, StringComparison.Ordinal));
    }
}
