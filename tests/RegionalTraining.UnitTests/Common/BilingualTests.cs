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
}
