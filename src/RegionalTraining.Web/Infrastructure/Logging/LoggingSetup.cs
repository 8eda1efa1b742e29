using System.Security.Claims;
using Serilog;
using Serilog.Context;
using Serilog.Events;

namespace RegionalTraining.Web.Infrastructure.Logging;

/// <summary>The one place Serilog is configured: sinks and levels come from the "Serilog" configuration section.</summary>
public static class LoggingSetup
{
    public const string CorrelationHeader = "X-Correlation-ID";

    public static WebApplicationBuilder AddRegionalTrainingLogging(this WebApplicationBuilder builder)
    {
        // Each host logs through its own logger, never the static Log.Logger: otherwise the last host started in a process
        // (tests start several, in parallel) would receive every other host's events, and their sinks would miss them.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "RegionalTraining"),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>Adds UserId and CorrelationId to every event of a request, and one summary event per request.</summary>
    public static WebApplication UseRegionalTrainingRequestLogging(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var correlationId = CorrelationIdFrom(context);
            context.Response.Headers[CorrelationHeader] = correlationId;
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            using (LogContext.PushProperty("CorrelationId", correlationId))
            using (LogContext.PushProperty("UserId", userId ?? "anonymous"))
            {
                await next();
            }
        });
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // The host's own logger (see AddRegionalTrainingLogging); without it the middleware writes to the static one.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // An abandoned request already has its "cancelled by the client" line (ClientCancellationMiddleware).
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.RequestAborted.IsCancellationRequested ? LogEventLevel.Debug
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("UserId", context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous");
                diagnostics.Set("CorrelationId", context.Response.Headers[CorrelationHeader].ToString());
            };
        });
        // Inside the request log, so that it sees an abandoned request as answered rather than failed.
        app.UseMiddleware<ClientCancellationMiddleware>();
        return app;
    }

    /// <summary>A caller's id is kept only when it is short and plain, so it cannot be used to inject into logs.</summary>
    internal static string CorrelationIdFrom(HttpContext context)
    {
        var supplied = context.Request.Headers[CorrelationHeader].ToString();
        return supplied.Length is > 0 and <= 64 && supplied.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? supplied
            : context.TraceIdentifier;
    }
}
