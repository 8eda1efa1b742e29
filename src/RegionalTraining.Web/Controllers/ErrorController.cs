using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// Localized error pages. Any method: a failed POST is re-executed here as a POST, with the same body. The action
/// takes no parameter, so nothing binds (and reads) that body again: an unreadable body must not fail its own
/// error page.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("Error")]
public sealed class ErrorController(ILogger<ErrorController> logger) : Controller
{
    // No parameter, the code is read from the route: a refused request re-executed here keeps its body, which model
    // binding would read again (an unreadable body fails twice; a field named "Code" would win over the route).
    [Route("{code:int}")]
    public IActionResult Status()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 500;
        if (code == 500)
        {
            LogUnhandledError();
        }

        var statusCode = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = statusCode;
        return View("Status", new ErrorViewModel(statusCode, HttpContext.TraceIdentifier));
    }

    private void LogUnhandledError()
    {
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } error)
        {
            logger.LogError(error.Error, "Unhandled error on {Path}", error.Path);
        }
    }
}
