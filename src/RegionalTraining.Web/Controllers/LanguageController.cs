using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.Controllers;

/// <summary>
/// Remembers the chosen language in a cookie for a year. A plain link (no script, no form) so it works on any
/// phone and before sign-in; it changes nothing but a preference.
/// </summary>
[AllowAnonymous]
public sealed class LanguageController(IOptions<CultureCookieOptions> cookie) : Controller
{
    [HttpGet]
    public IActionResult Set(string culture, string? returnUrl)
    {
        var chosen = Cultures.Match(culture) ?? Cultures.Default;
        Response.Cookies.Append(
            cookie.Value.Cookie.Name!,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            cookie.Value.Cookie.Build(HttpContext));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? StripCultureQuery(returnUrl!) : "/");
    }

    /// <summary>An explicit ?culture= in the return address would override the cookie just set.</summary>
    internal static string StripCultureQuery(string url)
    {
        var index = url.IndexOf('?', StringComparison.Ordinal);
        if (index < 0)
        {
            return url;
        }

        var kept = url[(index + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("culture=", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("ui-culture=", StringComparison.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return query.Length == 0 ? url[..index] : $"{url[..index]}?{query}";
    }
}
