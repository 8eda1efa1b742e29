using System.Text;
using Microsoft.Extensions.Logging;
using WebMarkupMin.Core;

namespace RegionalTraining.Web.Infrastructure.Performance;

/// <summary>
/// A kept page written without what the browser ignores (docs/decisions/0040-compact-kept-pages.md): the indentation
/// and line breaks between tags, collapsed to one space where a space shows, and the end tags HTML lets a page omit
/// (<c>&lt;/td&gt;</c>, <c>&lt;/tr&gt;</c>, <c>&lt;/li&gt;</c>, <c>&lt;/option&gt;</c> …). Done once, when the page
/// is kept (<see cref="RenderedPages"/>), not on every view. Text in <c>pre</c> and <c>textarea</c> is left as it is
/// (WebMarkupMin's own rule), so is every attribute, quote and comment; a page whose text relies on spaces kept by a
/// style (<c>white-space: pre-wrap</c>) must not come through here.
/// </summary>
public static class CompactPages
{
    /// <summary>
    /// <paramref name="body"/> compacted when it is HTML; as it is otherwise, or when WebMarkupMin reports an error
    /// (the page is then served as rendered, which is never wrong, and the error is logged).
    /// </summary>
    public static byte[] Compact(byte[] body, string? contentType, IServiceProvider services)
    {
        if (contentType is null || !contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        // A minifier holds its parser's state while it runs, so each call takes its own (one per kept page, not per view).
        var result = new HtmlMinifier(Settings).Minify(Encoding.UTF8.GetString(body), generateStatistics: false);
        if (result.Errors.Count > 0)
        {
            services.GetRequiredService<ILogger<RenderedPages>>().LogWarning(
                "Page kept as rendered, not compacted: {MinifierError} at line {Line}, column {Column}",
                result.Errors[0].Message, result.Errors[0].LineNumber, result.Errors[0].ColumnNumber);
            return body;
        }

        return Encoding.UTF8.GetBytes(result.MinifiedContent);
    }

    /// <summary>
    /// Whitespace and optional end tags only: quotes, boolean attributes, attributes the library deems redundant,
    /// comments, doctype and the code in scripts and styles stay as the view wrote them, so the page reads the same to
    /// a browser, an assistive technology, a test and the HTML checker.
    /// </summary>
    private static readonly HtmlMinificationSettings Settings = new()
    {
        WhitespaceMinificationMode = WhitespaceMinificationMode.Safe,
        RemoveOptionalEndTags = true,
        AttributeQuotesRemovalMode = HtmlAttributeQuotesRemovalMode.KeepQuotes,
        CollapseBooleanAttributes = false,
        RemoveHtmlComments = false,
        RemoveRedundantAttributes = false,
        RemoveEmptyAttributes = false,
        RemoveTagsWithoutContent = false,
        RemoveHttpProtocolFromAttributes = false,
        RemoveHttpsProtocolFromAttributes = false,
        RemoveJsProtocolFromAttributes = false,
        RemoveJsTypeAttributes = false,
        RemoveCssTypeAttributes = false,
        UseShortDoctype = false,
        UseMetaCharsetTag = false,
        MinifyEmbeddedCssCode = false,
        MinifyInlineCssCode = false,
        MinifyEmbeddedJsCode = false,
        MinifyInlineJsCode = false,
        MinifyEmbeddedJsonData = false,
        EmptyTagRenderMode = HtmlEmptyTagRenderMode.SpaceAndSlash,
    };
}
