using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.IntegrationTests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace RegionalTraining.IntegrationTests.Shell;

[Collection(PortalCollection.Name)]
public sealed class ClientCancellationTests(RegionalTrainingFactory factory)
{
    private const string AbortHeader = "X-Test-Client-Gone";

    [Fact]
    public async Task Request_AbandonedByTheClient_IsLoggedAsCancelledNotAsAnError()
    {
        var sink = new CollectingLogSink();
        using var portal = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<ILogEventSink>(sink);
            s.AddSingleton<IStartupFilter, AbortWhenAsked>();
        }));
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add(RegionalTrainingFactory.ClientAddressHeader, RegionalTrainingFactory.NewClientAddress());
        client.DefaultRequestHeaders.Add(AbortHeader, "1");

        // The archive queries the database with the request's token, which says the client has gone.
        var response = await client.GetAsync("/archive");
        // The request's log line may be written after the answer has reached the client.
        await sink.RequestLogged.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(500, (int)response.StatusCode);
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
        var cancelled = Assert.Single(sink.Events, e => e.RenderMessage().Contains("cancelled by the client", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Information, cancelled.Level);
        Assert.Null(cancelled.Exception);
    }

    /// <summary>Test-only, first in the pipeline: a request carrying the header arrives as if its client had already gone.</summary>
    private sealed class AbortWhenAsked : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.ContainsKey(AbortHeader))
                {
                    context.RequestAborted = new CancellationToken(canceled: true);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
