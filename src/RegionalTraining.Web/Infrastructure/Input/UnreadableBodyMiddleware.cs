using Microsoft.AspNetCore.Diagnostics;

namespace RegionalTraining.Web.Infrastructure.Input;

/// <summary>
/// Reads a posted form once, up front, with the limits of the action it is for (set by routing from
/// [RequestSizeLimit] and [RequestFormLimits]). A body that cannot be read — malformed multipart, more fields
/// than allowed, larger than allowed, cut off — answers 400 or 413 with the localized error page, instead of
/// failing later inside a filter or the model binder with a 500.
/// </summary>
public sealed class UnreadableBodyMiddleware(RequestDelegate next, ILogger<UnreadableBodyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // The error page re-executed for this very request must not try the same body again.
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !request.HasFormContentType
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        int? status;
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
            status = null;
        }
        catch (BadHttpRequestException ex)
        {
            status = ex.StatusCode;
            logger.LogWarning("Unreadable body on {Path}: {Reason}", request.Path.Value, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            // The form reader's own limits (field count, field length, multipart length) say "limit" in their messages.
            status = ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            logger.LogWarning("Unreadable body on {Path}: {Reason}", request.Path.Value, ex.Message);
        }
        catch (IOException ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            status = StatusCodes.Status400BadRequest;
            logger.LogWarning("Unreadable body on {Path}: {Reason}", request.Path.Value, ex.Message);
        }

        if (status is { } code)
        {
            context.Response.StatusCode = code;
            return;
        }

        await next(context);
    }
}
