using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Web.Infrastructure.Localization;

/// <summary>
/// Writes a text held in French and in Arabic in the page's language: <c>&lt;bilingual value="@x.Speaker" /&gt;</c>.
/// When the page's own value is empty the other one is shown inside <c>&lt;span lang="ar" dir="rtl"&gt;</c> (or
/// <c>lang="fr" dir="ltr"</c>), so browsers lay it out and screen readers pronounce it in its own language.
/// Writes nothing when both values are empty.
/// </summary>
[HtmlTargetElement("bilingual", Attributes = "value", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BilingualTagHelper : TagHelper
{
    public Bilingual? Value { get; set; }

    /// <summary>Written before the text, only when there is a text (a separator such as " · ").</summary>
    public string? Before { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Value?.For(culture);
        output.TagName = null;
        if (text is null)
        {
            output.SuppressOutput();
            return;
        }

        output.PreContent.SetContent(Before ?? string.Empty);
        if (text.Lang == culture.TwoLetterISOLanguageName)
        {
            output.Content.SetContent(text.Text);
            return;
        }

        // The text goes through the page's encoder like any other; only the span around it is markup.
        output.Content.AppendHtml($"<span lang=\"{text.Lang}\" dir=\"{text.Dir}\">").Append(text.Text).AppendHtml("</span>");
    }
}
