using RegionalTraining.Web.Infrastructure;

namespace RegionalTraining.UnitTests.Web;

public sealed class SafeMarkdownTests
{
    private static string Render(string markdown)
    {
        using var writer = new StringWriter();
        SafeMarkdown.Render(markdown).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>")]
    public void Render_HostileInput_ProducesNothingThatRuns(string markdown)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + Render(markdown) + "</body>");
        var elements = document.Body!.QuerySelectorAll("*");

        Assert.Empty(document.QuerySelectorAll("script, img, iframe, object"));
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => (e.GetAttribute("href") ?? string.Empty).TrimStart().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Render_Markdown_KeepsHeadingsListsAndArabic()
    {
        var html = Render("## العروض\n\n- **ISTA** Mirleft\n- [site](https://example.org)");

        Assert.Contains("<h2>العروض</h2>", html);
        Assert.Contains("<strong>ISTA</strong>", html);
        Assert.Contains("href=\"https://example.org\"", html);
    }
}
