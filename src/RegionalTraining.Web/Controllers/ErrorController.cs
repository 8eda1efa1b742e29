using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Controllers;

/// <summary>Localized error pages. Any method: a failed POST is re-executed here as a POST.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("Error")]
public sealed class ErrorController(ILogger<ErrorController> logger) : Controller
{
    // From the route only: a refused form re-executed here still carries its fields, and one may be named "Code".
    [Route("{code:int}")]
    public IActionResult Status([FromRoute] int code)
    {
        if (code == 500)
        {
            var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
            if (error is not null)
            {
                logger.LogError(error.Error, "Unhandled error on {Path}", error.Path);
            }
        }

        var statusCode = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = statusCode;
        return View("Status", new ErrorViewModel(statusCode, HttpContext.TraceIdentifier));
    }
}
