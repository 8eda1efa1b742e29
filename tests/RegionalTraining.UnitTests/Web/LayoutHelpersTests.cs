using System.Globalization;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.UnitTests.Web;

public sealed class LayoutHelpersTests
{
    [Theory]
    [InlineData("ar-MA", "152\u202F340", "17,5", "1\u202F204,3")]
    [InlineData("fr-MA", "152\u202F340", "17,5", "1\u202F204,3")]
    [InlineData("en", "152\u202F340", "17.5", "1\u202F204.3")]
    public void Figure_InEachLanguage_GroupsThousandsWithANarrowSpaceAndKeepsOneDecimal(string culture, string count, string ratio, string both)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(count, LayoutHelpers.Figure(152_340m));
        Assert.Equal(ratio, LayoutHelpers.Figure(17.5m));
        Assert.Equal(both, LayoutHelpers.Figure(1_204.27m));
        Assert.Equal("0", LayoutHelpers.Figure(0m));
    }

    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    [InlineData("en")]
    public void Figure_CopiedIntoAForm_ReadsBackAsTheSameNumber(string culture)
    {
        using var _ = new CultureScope(culture);

        // A point or comma between thousands would be read as the decimal mark (NumberInput), so 152.340 would save 152.34.
        Assert.True(NumberInput.TryParseDecimal(LayoutHelpers.Figure(152_340.5m), out var readBack));
        Assert.Equal(152_340.5m, readBack);
    }

    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    [InlineData("en")]
    public void ChartValue_OfACellWhoseTextReadsAsItsNumber_IsLeftOut(string culture)
    {
        using var _ = new CultureScope(culture);

        Assert.Null(LayoutHelpers.ChartValue(544, LayoutHelpers.Figure(544)));
        Assert.Null(LayoutHelpers.ChartValue(8.0m, LayoutHelpers.Figure(8.0m)));
        Assert.Null(LayoutHelpers.ChartValue(0, LayoutHelpers.Figure(0)));
        Assert.Null(LayoutHelpers.ChartValue("Tiznit", "Tiznit"));
    }

    [Theory]
    [InlineData("ar-MA", 48.9, "48.9")]
    [InlineData("fr-MA", 48.9, "48.9")]
    [InlineData("ar-MA", 1113, "1113")]
    [InlineData("en", 1113, "1113")]
    [InlineData("en", 8.04, "8.04")]
    public void ChartValue_OfAGroupedOrCommaOrRoundedFigure_IsTheInvariantNumber(string culture, double value, string expected)
    {
        using var _ = new CultureScope(culture);
        var cell = (decimal)value;

        Assert.Equal(expected, LayoutHelpers.ChartValue(cell, LayoutHelpers.Figure(cell)));
    }

    [Theory]
    [InlineData("fr-MA", "1\u202F234\u202F567,50", "1\u202F200")]
    [InlineData("en", "1\u202F234\u202F567.50", "1\u202F200")]
    public void Amount_ShowsCentsOnlyWhenThereAreSome(string culture, string withCents, string whole)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(withCents, LayoutHelpers.Amount(1_234_567.50m));
        Assert.Equal(whole, LayoutHelpers.Amount(1_200m));
    }

    [Theory]
    [InlineData("fr-MA", 596, 129, "\u221278,4\u202F%")]
    [InlineData("ar-MA", 190, 380, "+100\u202F%")]
    [InlineData("en", 1200, 1350, "+12.5\u202F%")]
    [InlineData("en", 19, 19, "\u00B10\u202F%")]
    [InlineData("fr-MA", 100_000, 250_000, "+150\u202F%")]
    public void Change_FromTheYearBefore_IsSignedAndKeepsThePercentSignWithItsFigure(string culture, int before, int now, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, LayoutHelpers.Change(now, before));
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData(10, null)]
    [InlineData(10, 0)]
    public void Change_WithNothingToCompareWith_IsEmpty(int? now, int? before) =>
        Assert.Equal(string.Empty, LayoutHelpers.Change(now, before));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
