using System.Globalization;
using RegionalTraining.Core.Common;

namespace RegionalTraining.UnitTests.Common;

public sealed class BilingualTests
{
    [Theory]
    [InlineData("ar-MA", "العيون")]
    [InlineData("fr-MA", "Laâyoune")]
    [InlineData("en", "Laâyoune")]
    public void Pick_ForCulture_ReturnsThatLanguageForm(string culture, string expected) =>
        Assert.Equal(expected, Bilingual.Pick("العيون", "Laâyoune", new CultureInfo(culture)));

    [Fact]
    public void Pick_WhenArabicMissing_FallsBackToFrench() =>
        Assert.Equal("Mirleft", Bilingual.Pick(null, "Mirleft", new CultureInfo("ar-MA")));

    [Theory]
    [InlineData("Laâyoune", "laayoune")]
    [InlineData("ÉS-SEMARA", "es-semara")]
    [InlineData("أسا", "اسا")]
    [InlineData("إقليم", "اقليم")]
    [InlineData("العيُون", "العيون")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مستشفى", "مستشفي")]
    public void Normalise_FoldsAccentsCaseAndArabicLetterForms(string input, string expected) =>
        Assert.Equal(expected, Bilingual.Normalise(input));

    [Fact]
    public void Normalise_OfNothing_IsEmpty() => Assert.Equal(string.Empty, Bilingual.Normalise("  "));

    [Theory]
    [InlineData("fr-MA", "Le directeur", "fr", false)]
    [InlineData("en", "Le directeur", "fr", false)]
    [InlineData("ar-MA", "المدير", "ar", false)]
    public void For_BothFilled_GivesThePageLanguage(string culture, string text, string lang, bool fallback) =>
        Assert.Equal(new LocalizedText(text, lang, fallback), new Bilingual("Le directeur", "المدير").For(new CultureInfo(culture)));

    [Fact]
    public void For_FrenchPageWithArabicOnly_FallsBackMarkedArabicRightToLeft()
    {
        var text = new Bilingual(null, "المدير الجهوي").For(new CultureInfo("fr-MA"));

        Assert.Equal(("المدير الجهوي", "ar", "rtl", true), (text!.Text, text.Lang, text.Dir, text.IsFallback));
    }

    [Fact]
    public void For_ArabicPageWithFrenchOnly_FallsBackMarkedFrenchLeftToRight()
    {
        var text = new Bilingual("Le directeur régional", "  ").For(new CultureInfo("ar-MA"));

        Assert.Equal(("Le directeur régional", "fr", "ltr", true), (text!.Text, text.Lang, text.Dir, text.IsFallback));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    public void For_BothEmpty_IsNull(string? fr, string? ar)
    {
        Assert.Null(new Bilingual(fr, ar).For(new CultureInfo("fr-MA")));
        Assert.True(new Bilingual(fr, ar).IsEmpty);
    }

    [Theory]
    [InlineData("Mirleft", "ميراللفت", "Mirleft / ميراللفت")]
    [InlineData("Mirleft", null, "Mirleft")]
    [InlineData(null, "ميراللفت", "ميراللفت")]
    [InlineData("Same", "Same", "Same")]
    public void Both_JoinsFrenchThenArabic(string? fr, string? ar, string expected) =>
        Assert.Equal(expected, new Bilingual(fr, ar).Both());

    [Theory]
    [InlineData("المدير الجهوي", true)]
    [InlineData("Mme Idrissi (ممثلة)", true)]
    [InlineData("Laâyoune", false)]
    [InlineData("", false)]
    public void IsArabicScript_DetectsArabicLetters(string text, bool expected) =>
        Assert.Equal(expected, Bilingual.IsArabicScript(text));

    [Theory]
    [InlineData("  M. Alami ", "M. Alami")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Stored_TrimsAndTurnsBlankIntoNull(string? typed, string? expected) =>
        Assert.Equal(expected, Bilingual.Stored(typed));
}
