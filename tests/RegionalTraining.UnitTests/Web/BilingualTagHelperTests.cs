using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Razor.TagHelpers;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.UnitTests.Web;

public sealed class BilingualTagHelperTests
{
    [Fact]
    public void FrenchPage_ArabicOnly_IsWrappedInArabicRightToLeftSpan() =>
        Assert.Equal("<span lang=\"ar\" dir=\"rtl\">المدير الجهوي</span>", Render(new Bilingual(null, "المدير الجهوي"), "fr-MA"));

    [Fact]
    public void ArabicPage_FrenchOnly_IsWrappedInFrenchLeftToRightSpan() =>
        Assert.Equal("<span lang=\"fr\" dir=\"ltr\">Le directeur</span>", Render(new Bilingual("Le directeur", null), "ar-MA"));

    [Theory]
    [InlineData("fr-MA", "Le directeur")]
    [InlineData("ar-MA", "المدير")]
    public void OwnLanguage_IsPlainText(string culture, string expected) =>
        Assert.Equal(expected, Render(new Bilingual("Le directeur", "المدير"), culture));

    [Fact]
    public void Text_IsEncoded_AndSeparatorOnlyWithText()
    {
        Assert.Equal(" · &lt;b&gt;", Render(new Bilingual("<b>", null), "fr-MA", " · "));
        Assert.Equal("<span lang=\"fr\" dir=\"ltr\">&lt;b&gt;</span>", Render(new Bilingual("<b>", null), "ar-MA"));
        Assert.Equal(string.Empty, Render(new Bilingual(null, " "), "fr-MA", " · "));
    }

    private static string Render(Bilingual value, string culture, string? before = null)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var context = new TagHelperContext([], new Dictionary<object, object>(), "id");
            var output = new TagHelperOutput("bilingual", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
            new BilingualTagHelper { Value = value, Before = before }.Process(context, output);
            using var writer = new StringWriter();
            output.WriteTo(writer, HtmlEncoder.Create(UnicodeRanges.All));
            return writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
