using System.Globalization;
using Microsoft.Extensions.Localization;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.UnitTests.Web;

/// <summary>CLDR's plural categories for whole numbers in Arabic, French and English, and the localizer's choice of form.</summary>
public sealed class PluralRulesTests
{
    [Theory]
    [InlineData(0, PluralCategory.Zero)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Two)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(10, PluralCategory.Few)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(99, PluralCategory.Many)]
    [InlineData(100, PluralCategory.Other)]
    [InlineData(101, PluralCategory.Other)]
    [InlineData(102, PluralCategory.Other)]
    [InlineData(103, PluralCategory.Few)]
    [InlineData(110, PluralCategory.Few)]
    [InlineData(111, PluralCategory.Many)]
    [InlineData(200, PluralCategory.Other)]
    [InlineData(1000, PluralCategory.Other)]
    [InlineData(1011, PluralCategory.Many)]
    public void Arabic_HasSixForms(long count, PluralCategory expected) => Assert.Equal(expected, PluralRules.For(new CultureInfo("ar-MA"), count));

    [Theory]
    [InlineData(0, PluralCategory.One)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(11, PluralCategory.Other)]
    [InlineData(1000, PluralCategory.Other)]
    [InlineData(1_000_000, PluralCategory.Many)]
    [InlineData(3_000_000, PluralCategory.Many)]
    [InlineData(1_000_001, PluralCategory.Other)]
    public void French_ZeroAndOneAreSingular_AndMillionsTakeDe(long count, PluralCategory expected) => Assert.Equal(expected, PluralRules.For(new CultureInfo("fr-MA"), count));

    [Theory]
    [InlineData(0, PluralCategory.Other)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(1_000_000, PluralCategory.Other)]
    public void English_HasTwoForms(long count, PluralCategory expected) => Assert.Equal(expected, PluralRules.For(new CultureInfo("en"), count));

    [Theory]
    [InlineData("ar-MA", 1, "عنصر واحد")]
    [InlineData("ar-MA", 2, "عنصران")]
    [InlineData("ar-MA", 7, "7 عناصر")]
    [InlineData("ar-MA", 25, "25 عنصرًا")]
    [InlineData("ar-MA", 100, "100 عنصر")]
    [InlineData("fr-MA", 0, "0 élément")]
    [InlineData("fr-MA", 1, "1 élément")]
    [InlineData("fr-MA", 5, "5 éléments")]
    [InlineData("en", 1, "1 item")]
    [InlineData("en", 0, "0 items")]
    [InlineData("ar-MA", 1234, "\u20661\u202F234\u2069 عنصرًا")]
    [InlineData("fr-MA", 12442, "\u206612\u202F442\u2069 éléments")]
    [InlineData("en", 999, "999 items")]
    public void Plural_PicksTheFormOfTheReadersLanguage(string culture, int count, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        var beforeFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(expected, Forms().Plural("{0} items", count).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeFormat;
        }
    }

    [Fact]
    public void Plural_WithoutTheForm_FallsBackToTheKeysOtherText_AndFormatsEveryArgument()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("ar-MA");
            Assert.Equal("3 / 4", Forms().Plural("{0} / {1}", 4, 3, 4).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The forms of "{0} items" as the three resource files write them, per language.</summary>
    private static IStringLocalizer Forms() => new DictionaryLocalizer(new Dictionary<string, string>
    {
        ["ar|{0} items"] = "{0} عنصر", ["ar|{0} items|one"] = "عنصر واحد", ["ar|{0} items|two"] = "عنصران", ["ar|{0} items|few"] = "{0} عناصر",
        ["ar|{0} items|many"] = "{0} عنصرًا", ["ar|{0} items|zero"] = "لا عنصر",
        ["fr|{0} items"] = "{0} éléments", ["fr|{0} items|one"] = "{0} élément", ["fr|{0} items|many"] = "{0} d'éléments",
        ["en|{0} items"] = "{0} items", ["en|{0} items|one"] = "{0} item",
    });

    private sealed class DictionaryLocalizer(Dictionary<string, string> texts) : IStringLocalizer
    {
        public LocalizedString this[string name] => Find(name, []);

        public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

        private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

        private LocalizedString Find(string name, object[] arguments) => texts.TryGetValue(Language + "|" + name, out var text)
            ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text, arguments))
            : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, name, arguments), resourceNotFound: true);
    }
}

