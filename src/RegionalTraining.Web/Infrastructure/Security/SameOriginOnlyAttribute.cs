using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RegionalTraining.Web.Infrastructure.Security;

/// <summary>
/// Refuses, as a failed antiforgery check is refused, a request a browser says comes from another site: Fetch
/// Metadata's <c>Sec-Fetch-Site</c> other than <c>same-origin</c> or <c>none</c> (typed or bookmarked), or, from a
/// browser too old to send it, an <c>Origin</c> naming another host (or <c>null</c>). A request carrying neither is not
/// a cross-site browser request (browsers send <c>Origin</c> with every POST) and passes. For sign-out only, which
/// carries no antiforgery token so that every signed-in page's menu can be served from cache
/// (docs/decisions/0037-sign-out-without-a-token.md); every other form keeps its token.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SameOriginOnlyAttribute : Attribute, IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var fromElsewhere = site.Length > 0
            ? site is not ("same-origin" or "none")
            : origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
        if (fromElsewhere)
        {
            context.Result = new AntiforgeryValidationFailedResult();
        }
    }
}
