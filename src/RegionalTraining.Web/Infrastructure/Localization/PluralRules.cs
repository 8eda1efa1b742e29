using System.Globalization;
using Microsoft.Extensions.Localization;

namespace RegionalTraining.Web.Infrastructure.Localization;

/// <summary>The plural categories of Unicode CLDR: a language uses some of them, every language has Other.</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// <summary>
/// CLDR's plural rules for whole numbers in the portal's three languages (decision 0028): Arabic has six forms
/// (0; 1; 2; 3–10, 103–110…; 11–99, 111–199…; the rest: 100–102, 200…), French three (0 and 1 are singular; a
/// multiple of a million takes "de": "1 000 000 d'éléments"), English two. Written here rather than taken from a
/// library: the only maintained one with CLDR's rules in the package lists is ICU4N, an alpha with a large data
/// package, for three rules of a few lines that CLDR has not changed in years.
/// </summary>
public static class PluralRules
{
    public static PluralCategory For(CultureInfo culture, long count)
    {
        var n = Math.Abs(count);
        return culture.TwoLetterISOLanguageName switch
        {
            "ar" => Arabic(n),
            "fr" => n is 0 or 1 ? PluralCategory.One : n % 1_000_000 == 0 ? PluralCategory.Many : PluralCategory.Other,
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    private static PluralCategory Arabic(long n) => n switch
    {
        0 => PluralCategory.Zero,
        1 => PluralCategory.One,
        2 => PluralCategory.Two,
        _ when n % 100 is >= 3 and <= 10 => PluralCategory.Few,
        _ when n % 100 is >= 11 and <= 99 => PluralCategory.Many,
        _ => PluralCategory.Other,
    };

    /// <summary>The suffix of a form's resource key: "{0} items|few". The key without a suffix is the Other form.</summary>
    public static string Suffix(PluralCategory category) => "|" + category.ToString().ToLowerInvariant();

    /// <summary>
    /// The text of <paramref name="key"/> in the form the reader's language uses for <paramref name="count"/>, formatted
    /// with <paramref name="arguments"/> (the count alone when none are given). The forms are keys "key|one", "key|few"…
    /// in the three resource files; a form a language does not use repeats the Other text there. Whole-number arguments
    /// are counts, written as <see cref="ViewModels.Shared.LayoutHelpers.Count"/> writes them.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] arguments)
    {
        object[] values = Array.ConvertAll(arguments.Length == 0 ? [count] : arguments, Counted);
        var category = For(CultureInfo.CurrentUICulture, count);
        if (category != PluralCategory.Other)
        {
            var form = localizer[key + Suffix(category), values];
            if (!form.ResourceNotFound)
            {
                return form;
            }
        }

        return localizer[key, values];
    }

    private static object Counted(object value) =>
        value is int or long ? ViewModels.Shared.LayoutHelpers.Count(Convert.ToInt64(value, CultureInfo.InvariantCulture)) : value;
}
