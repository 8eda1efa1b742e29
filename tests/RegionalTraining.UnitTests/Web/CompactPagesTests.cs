using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Web.Infrastructure.Performance;

namespace RegionalTraining.UnitTests.Web;

/// <summary>What a kept page loses and keeps (docs/decisions/0040-compact-kept-pages.md).</summary>
public sealed class CompactPagesTests
{
    private const string Html = "text/html; charset=utf-8";

    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    [Fact]
    public void Compact_IndentedTable_LosesTheIndentationAndTheOptionalEndTags()
    {
        var page = "<table>\n    <tr>\n        <td>1</td>\n        <td>2</td>\n    </tr>\n    <tr><th>a</th><td>3</td></tr>\n</table>\n<p>one   two</p>";

        Assert.Equal("<table><tr><td>1<td>2<tr><th>a<td>3</table> <p>one two</p>", Compact(page));
    }

    [Fact]
    public void Compact_PreformattedText_IsKeptAsWritten()
    {
        Assert.Equal("<pre>\n  two  spaces\n</pre> <textarea>\n  kept\n</textarea>", Compact("<pre>\n  two  spaces\n</pre>\n<textarea>\n  kept\n</textarea>"));
    }

    [Fact]
    public void Compact_KeepsQuotesBooleanAttributesSelfClosingSlashesCommentsAndArabicAsWritten()
    {
        const string page = "<!DOCTYPE html><html lang=\"ar-MA\" dir=\"rtl\"><body><!-- why --><input type=\"checkbox\" checked=\"checked\" />"
            + "<select><option value=\"1\" selected=\"selected\">الجهة</option></select><span data-value=\"1113\">1&#x202F;113</span>";

        Assert.Equal(
            "<!DOCTYPE html><html lang=\"ar-MA\" dir=\"rtl\"><body><!-- why --><input type=\"checkbox\" checked=\"checked\" />"
            + "<select><option value=\"1\" selected=\"selected\">الجهة</select><span data-value=\"1113\">1&#x202F;113</span>",
            Compact(page));
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/json")]
    [InlineData(null)]
    public void Compact_WhatIsNotHtml_IsTheSameBytes(string? contentType)
    {
        var body = Encoding.UTF8.GetBytes("a,  b\n    c</td>");

        Assert.Same(body, CompactPages.Compact(body, contentType, Services));
    }

    [Fact]
    public void Compact_MarkupTheMinifierCannotRead_IsServedAsRendered()
    {
        var body = Encoding.UTF8.GetBytes("<p>\n    <a href=\"x\" <b>broken</b>\n</p>");

        Assert.Same(body, CompactPages.Compact(body, Html, Services));
    }

    private static string Compact(string page) =>
        Encoding.UTF8.GetString(CompactPages.Compact(Encoding.UTF8.GetBytes(page), Html, Services));
}
