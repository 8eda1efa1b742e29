using System.Text.Encodings.Web;
using RegionalTraining.Core.Search;
using RegionalTraining.Web.Infrastructure;

namespace RegionalTraining.UnitTests.Web;

public sealed class ExcerptHtmlTests
{
    [Fact]
    public void Render_EncodesEveryPiece_AndMarksOnlyTheMatches()
    {
        using var writer = new StringWriter();

        ExcerptHtml.Render([new ExcerptPart("<script>x</script> à ", false), new ExcerptPart("Mirleft", true)]).WriteTo(writer, HtmlEncoder.Default);

        Assert.Equal("&lt;script&gt;x&lt;/script&gt; &#xE0; <mark>Mirleft</mark>", writer.ToString());
    }
}
