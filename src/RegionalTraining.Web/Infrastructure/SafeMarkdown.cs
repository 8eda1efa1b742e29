using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using RegionalTraining.Core.Meetings.Archive;

namespace RegionalTraining.Web.Infrastructure;

/// <summary>
/// Renders the minutes' Markdown to HTML that cannot run anything: raw HTML in the text is shown as text, and
/// the result goes through an allow-list sanitizer (no script, no event attribute, no javascript: link).
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = MinutesExcerpt.Pipeline;

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static IHtmlContent Render(string? markdown) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? string.Empty : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "em", "del", "ins", "mark", "sub", "sup", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "hr" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
