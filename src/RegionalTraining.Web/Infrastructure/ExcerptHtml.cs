using Microsoft.AspNetCore.Html;
using RegionalTraining.Core.Search;

namespace RegionalTraining.Web.Infrastructure;

/// <summary>A search excerpt as HTML: every piece encoded, the matched ones inside &lt;mark&gt; (nothing else is markup).</summary>
public static class ExcerptHtml
{
    public static IHtmlContent Render(IEnumerable<ExcerptPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.Marked)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }
}
