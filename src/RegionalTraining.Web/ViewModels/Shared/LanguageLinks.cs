using System.Collections.Concurrent;

namespace RegionalTraining.Web.ViewModels.Shared;

/// <summary>
/// The language switcher's addresses: <c>/Language/Set?culture=…&amp;returnUrl=…</c>, back to the page being read.
/// The route part is the same on every page, so routing generates it once per language (and path base) and the page's
/// own address is appended, escaped as routing escapes it. Generating both links through routing on every page cost
/// about 3 % of a signed-in page's CPU; they cannot be cached as HTML, since the return address is chosen by the caller
/// (docs/decisions/0032).
/// </summary>
public sealed class LanguageLinks(LinkGenerator links)
{
    private readonly ConcurrentDictionary<(string PathBase, string Culture), string> prefixes = new();

    public string Href(HttpContext context, string culture)
    {
        var pathBase = context.Request.PathBase;
        var prefix = prefixes.GetOrAdd((pathBase.Value ?? string.Empty, culture), key =>
            links.GetPathByAction("Set", "Language", new { culture = key.Culture }, new PathString(key.PathBase))
            ?? throw new InvalidOperationException("No route to the language switch."));
        // As the address bar has it (an Arabic path stays percent-encoded): the switch redirects to it as given.
        var page = context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        return prefix + "&returnUrl=" + Uri.EscapeDataString(page);
    }
}
