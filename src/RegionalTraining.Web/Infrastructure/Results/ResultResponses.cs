using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.Web.Infrastructure.Results;

/// <summary>Where the layout looks for the one-line message shown after a redirect.</summary>
public static class Flash
{
    /// <summary>Something was done (green).</summary>
    public const string Status = "Status";

    /// <summary>Something was refused or needs attention (amber).</summary>
    public const string Error = "Error";
}

/// <summary>
/// The one way a controller turns a service <see cref="Result"/> into a response and a message: success → the
/// message on the next page and <c>next</c>; not found → 404; forbidden → 403; conflict or invalid → the errors
/// localized into the model state and the form shown again with what the user typed (409 / 422).
/// </summary>
public static class ResultResponses
{
    /// <param name="successMessage">A key of <see cref="Messages"/>, shown after the redirect.</param>
    /// <param name="next">Where to go after a success (usually a redirect).</param>
    /// <param name="redisplay">The form again, built from the posted model (and, after a conflict, the stored token).</param>
    /// <param name="tokenFields">Posted concurrency tokens: after a conflict the form must carry the stored one, not the posted one.</param>
    public static async Task<IActionResult> RespondAsync(
        this Controller controller, Result result, string? successMessage, Func<IActionResult> next, Func<Task<IActionResult>> redisplay, params string[] tokenFields)
    {
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                if (successMessage is not null)
                {
                    controller.TempData[Flash.Status] = successMessage;
                }

                return next();
            case ResultStatus.NotFound:
                return controller.NotFound();
            case ResultStatus.Forbidden:
                return controller.Forbid();
        }

        controller.ModelState.AddResultErrors(result, Localizer(controller));
        if (result.Status == ResultStatus.Conflict)
        {
            foreach (var field in tokenFields)
            {
                // The next save is a deliberate choice made after seeing the message.
                controller.ModelState.Remove(field);
            }
        }

        controller.Response.StatusCode = result.Status == ResultStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return await redisplay();
    }

    /// <summary>
    /// A form post: <paramref name="result"/> is null when binding already failed and the service was not called, and
    /// the form is shown again as typed (status 200, the field errors are the binder's); otherwise as <see cref="RespondAsync"/>.
    /// </summary>
    public static Task<IActionResult> RespondToFormAsync(
        this Controller controller, Result? result, string? successMessage, Func<IActionResult> next, Func<Task<IActionResult>> redisplay, params string[] tokenFields) =>
        result is null ? redisplay() : controller.RespondAsync(result, successMessage, next, redisplay, tokenFields);

    /// <summary>For commands without a form to show again (a button on a list): the message goes to the next page either way.</summary>
    public static IActionResult RespondWithRedirect(this Controller controller, Result result, string? successMessage, Func<IActionResult> next)
    {
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                if (successMessage is not null)
                {
                    controller.TempData[Flash.Status] = successMessage;
                }

                break;
            case ResultStatus.NotFound:
                return controller.NotFound();
            case ResultStatus.Forbidden:
                return controller.Forbid();
            default:
                // The layout localizes a key; a message with arguments is stored already localized.
                var first = result.Errors.FirstOrDefault() ?? new FieldError(FieldError.Form, Messages.Conflict);
                controller.TempData[Flash.Error] = first.Arguments.Length == 0 ? first.MessageKey : Localizer(controller)[first.MessageKey, first.Arguments].Value;
                break;
        }

        return next();
    }

    /// <summary>
    /// A page read through a service: the page when the read succeeded, 404 when the resource does not exist, 403
    /// otherwise (out of the reader's reach).
    /// </summary>
    public static IActionResult RespondWithPage<T>(this Controller controller, Result<T> read, Func<T, IActionResult> page) =>
        read.Status switch
        {
            ResultStatus.Succeeded => page(read.Value!),
            ResultStatus.NotFound => controller.NotFound(),
            _ => controller.Forbid(),
        };

    /// <summary>As <see cref="RespondWithPage{T}"/>, for a page that reads more before it renders.</summary>
    public static async Task<IActionResult> RespondWithPageAsync<T>(this Controller controller, Result<T> read, Func<T, Task<IActionResult>> page) =>
        read.Succeeded ? await page(read.Value!) : controller.RespondWithPage(read, _ => throw new InvalidOperationException("Not reached"));

    public static void AddResultErrors(this ModelStateDictionary modelState, Result result, IStringLocalizer localizer)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field, localizer[error.MessageKey, error.Arguments]);
        }
    }

    private static IStringLocalizer Localizer(Controller controller) =>
        controller.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
}
