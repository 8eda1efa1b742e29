using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace RegionalTraining.Web.Infrastructure.Results;

/// <summary>
/// The framework's cookie TempData provider, except that a request which brought no TempData cookie and leaves no
/// message gets no cookie either. The framework's answers every page that reads TempData (the layout does, for the
/// flash message) with a Set-Cookie deleting a cookie the browser never had: such an answer cannot be cached and
/// replayed to others (docs/decisions/0011-public-page-caching.md).
/// </summary>
public sealed class QuietCookieTempDataProvider(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            return;
        }

        cookies.SaveTempData(context, values);
    }
}
