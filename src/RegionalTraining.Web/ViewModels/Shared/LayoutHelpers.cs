using System.Globalization;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.ViewModels.Shared;

/// <summary>Small helpers the views share: direction, language names and bilingual names.</summary>
public static class LayoutHelpers
{
    public static bool IsRtl => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static string Direction => IsRtl ? "rtl" : "ltr";

    public static string LanguageTag => CultureInfo.CurrentUICulture.Name;

    /// <summary>Each language named in itself, as a switcher should.</summary>
    public static IReadOnlyList<(string Culture, string Label, string Lang)> Languages { get; } =
    [
        (Cultures.Arabic, "العربية", "ar"),
        (Cultures.French, "Français", "fr"),
        (Cultures.English, "English", "en"),
    ];

    public static string Name(string? arabic, string? french) => Bilingual.Pick(arabic, french);

    /// <summary>
    /// A date, time or code put into a sentence, isolated left to right. After Arabic letters the bidirectional
    /// algorithm takes digits for Arabic numbers and the hyphens for neutral marks, so a bare 2026-12-03 reads 03-12-2026.
    /// </summary>
    public static string LeftToRight(string text) => "\u2066" + text + "\u2069";

    /// <summary>An ISO date (yyyy-MM-dd) for a sentence, isolated left to right.</summary>
    public static string IsoDay(DateOnly day) => LeftToRight(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>An ISO date and time in UTC (yyyy-MM-dd HH:mm UTC) for a sentence, isolated left to right.</summary>
    public static string IsoUtc(DateTime utc) => LeftToRight(utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");

    /// <summary>
    /// A sum of dirhams for reading, cents only when there are some: 1 234 567,50 in Arabic and French, 1 234 567.50 in
    /// English. Thousands are grouped with a narrow no-break space, as the forms read them back
    /// (<see cref="NumberInput"/>), never with a point or a comma: the forms take either for the decimal mark, so a
    /// "1.200" copied from a page would be saved as 1.2, and the invariant "1,234,567" reads as decimals to a Moroccan
    /// reader. In a sentence, isolate it (<see cref="LeftToRight"/>): spaces between digits reverse the groups in
    /// Arabic. Exports keep invariant figures, for machines.
    /// </summary>
    public static string Amount(decimal mad) => mad.ToString(mad == decimal.Truncate(mad) ? "N0" : "N2", Grouped);

    /// <summary>
    /// A count put into a sentence: below a thousand as it is, from a thousand on grouped as <see cref="Amount"/> is and
    /// isolated left to right ("12 442 éléments", not "12442").
    /// </summary>
    public static string Count(long count) => count is > -1000 and < 1000
        ? count.ToString(CultureInfo.InvariantCulture)
        : LeftToRight(count.ToString("N0", Grouped));

    /// <summary>
    /// A count or a figure on a dashboard, grouped as <see cref="Amount"/> is and with at most one decimal:
    /// 152 340 trainees, 17,5 trainees per trainer in Arabic and French (17.5 in English).
    /// </summary>
    public static string Figure(decimal value) => value.ToString("#,0.#", Grouped);

    /// <summary>
    /// The number a dashboard table's cell gives its chart (<c>data-value</c>, invariant), or null when the text shown
    /// already reads as that number ("544", "8" for 8.0), as two cells in three do: the chart then reads the text.
    /// Written only where grouping ("1 113") or a decimal comma ("48,9") would make the text read as another number.
    /// The whole office's page was 13 KB lighter of 100 KB.
    /// </summary>
    public static string? ChartValue(object? cell, string shown)
    {
        if (cell is not IFormattable formattable)
        {
            return null;
        }

        var value = formattable.ToString(null, CultureInfo.InvariantCulture);
        return decimal.TryParse(shown, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var read)
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && read == exact
            ? null
            : value;
    }

    /// <summary>
    /// The change from the year before in percent, signed, one decimal: "+12,5 %", "−3 %", "±0 %"; empty when there is
    /// nothing to compare with. The sign is kept to its figure by a narrow no-break space, as French writes it: a plain
    /// space left "%" alone on the next line of a narrow card.
    /// </summary>
    public static string Change(decimal? now, decimal? before)
    {
        if (now is null || before is null || before == 0)
        {
            return string.Empty;
        }

        var change = Math.Round(100m * (now.Value - before.Value) / before.Value, 1);
        return (change > 0 ? "+" : change < 0 ? "\u2212" : "\u00B1") + Figure(Math.Abs(change)) + "\u202F%";
    }

    /// <summary>The reader's number format with thousands apart by a narrow no-break space (see <see cref="Amount"/>).</summary>
    private static NumberFormatInfo Grouped => GroupedFormats.GetOrAdd(CultureInfo.CurrentCulture.Name, static name =>
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo(name).NumberFormat.Clone();
        format.NumberGroupSeparator = "\u202F";
        return NumberFormatInfo.ReadOnly(format);
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NumberFormatInfo> GroupedFormats = new();

    /// <summary>A name put into a sentence, isolated in its own direction (a French title in an Arabic sentence, or the reverse).</summary>
    public static string Isolated(string text) => "\u2068" + text + "\u2069";
}
