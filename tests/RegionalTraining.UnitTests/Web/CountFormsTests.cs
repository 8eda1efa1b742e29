using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.Resources;

namespace RegionalTraining.UnitTests.Web;

/// <summary>
/// Counts of the register and of the follow-up agenda item read in the form of the count, as the resource files write
/// them (decision 0028): Arabic's dual and its 11–99 accusative, French's singular for 0 and 1.
/// </summary>
public sealed class CountFormsTests
{
    private const string WithoutEstimate = "{0} open needs without an estimate";
    private const string YearAfterYear = "{0} raised year after year";
    private const string MoreLines = "… and {0} more lines (see the register).";

    [Theory]
    [InlineData("ar-MA", WithoutEstimate, 1, "حاجة واحدة مفتوحة بدون تقدير")]
    [InlineData("ar-MA", WithoutEstimate, 2, "حاجتان مفتوحتان بدون تقدير")]
    [InlineData("ar-MA", WithoutEstimate, 5, "5 حاجيات مفتوحة بدون تقدير")]
    [InlineData("ar-MA", WithoutEstimate, 11, "11 حاجةً مفتوحةً بدون تقدير")]
    [InlineData("ar-MA", WithoutEstimate, 100, "100 حاجة مفتوحة بدون تقدير")]
    [InlineData("fr-MA", WithoutEstimate, 0, "0 besoin ouvert sans estimation")]
    [InlineData("fr-MA", WithoutEstimate, 1, "1 besoin ouvert sans estimation")]
    [InlineData("fr-MA", WithoutEstimate, 2, "2 besoins ouverts sans estimation")]
    [InlineData("en", WithoutEstimate, 1, "1 open need without an estimate")]
    [InlineData("en", WithoutEstimate, 2, "2 open needs without an estimate")]
    [InlineData("ar-MA", YearAfterYear, 1, "عنصر واحد مسجل سنة بعد سنة")]
    [InlineData("ar-MA", YearAfterYear, 2, "عنصران مسجلان سنة بعد سنة")]
    [InlineData("ar-MA", YearAfterYear, 3, "3 عناصر مسجلة سنة بعد سنة")]
    [InlineData("ar-MA", YearAfterYear, 11, "11 عنصرًا مسجلًا سنة بعد سنة")]
    [InlineData("fr-MA", YearAfterYear, 0, "0 signalé d'année en année")]
    [InlineData("fr-MA", YearAfterYear, 2, "2 signalés d'année en année")]
    public void PageCounts_TakeTheFormOfTheCount(string culture, string key, int count, string expected)
    {
        var before = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(expected, new ResourceLocalizer().Plural(key, count).Value);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = before;
        }
    }

    [Theory]
    [InlineData("ar-MA", 1, "… وسطر آخر (انظر السجل).")]
    [InlineData("ar-MA", 2, "… وسطران آخران (انظر السجل).")]
    [InlineData("ar-MA", 4, "… و4 أسطر أخرى (انظر السجل).")]
    [InlineData("ar-MA", 11, "… و11 سطرًا آخر (انظر السجل).")]
    [InlineData("fr-MA", 1, "… et 1 ligne de plus (voir le registre).")]
    [InlineData("fr-MA", 2, "… et 2 lignes de plus (voir le registre).")]
    [InlineData("en", 1, "… and 1 more line (see the register).")]
    public void AgendaItemsMoreLines_TakesTheFormOfTheCount_InTheCultureAsked(string culture, long count, string expected) =>
        Assert.Equal(expected, new ResourceMessageFormatter().FormatCount(MoreLines, count, culture));

    /// <summary>The shared resource files, read as the portal's localizer reads them (the reader's culture, a missing key as itself).</summary>
    private sealed class ResourceLocalizer : IStringLocalizer
    {
        private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

        public LocalizedString this[string name] => this[name, []];

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var text = Resources.GetString(name, CultureInfo.CurrentUICulture);
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text ?? name, arguments), resourceNotFound: text is null);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
