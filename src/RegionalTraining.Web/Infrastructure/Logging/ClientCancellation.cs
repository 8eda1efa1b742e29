using Microsoft.AspNetCore.Diagnostics;

namespace RegionalTraining.Web.Infrastructure.Logging;

/// <summary>
/// A request the client abandoned (a closed tab, a load tool stopping) is not a fault of the portal: it is logged
/// once at Information as "cancelled by the client", answered 499 if nothing was sent yet, and never reaches the error
/// page, which would otherwise log it as an unhandled error with a stack trace and re-render a page nobody reads.
/// </summary>
public sealed class ClientCancellationMiddleware(RequestDelegate next, ILogger<ClientCancellationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ClientCancellation.IsClientAbort(ex, context))
        {
            logger.LogInformation("HTTP {RequestMethod} {RequestPath} cancelled by the client", context.Request.Method, context.Request.Path.Value);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }

            // Nobody is there to read an error page.
            var statusPages = context.Features.Get<IStatusCodePagesFeature>();
            if (statusPages is not null)
            {
                statusPages.Enabled = false;
            }
        }
    }
}

public static class ClientCancellation
{
    /// <summary>
    /// The same test as ASP.NET Core's own exception handler: a cancellation, or an I/O failure reading the body, while
    /// the request's token says the client has gone. A cancellation with the client still there is a real fault (a
    /// timeout inside the portal) and stays an error.
    /// </summary>
    public static bool IsClientAbort(Exception exception, HttpContext context) =>
        exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested;
}
