using System.Globalization;

namespace RegionalTraining.Core.Common;

/// <summary>Picks the Arabic or the French form of a name stored in both, for the reader's culture.</summary>
public static class Bilingual
{
    /// <summary>
    /// Arabic readers get the Arabic form; French and English readers get the French one, because place and
    /// establishment names are official in Latin script in French.
    /// Falls back to the other form when one is missing, so a name is never blank.
    /// </summary>
    public static string Pick(string? arabic, string? french, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var wantsArabic = culture.TwoLetterISOLanguageName == "ar";
        var first = wantsArabic ? arabic : french;
        var second = wantsArabic ? french : arabic;
        return !string.IsNullOrWhiteSpace(first) ? first : second ?? string.Empty;
    }

    /// <summary>
    /// Folds text for searching: lower case, no French accents, no Arabic short vowels, and one form of alef,
    /// ya and ta marbuta, so "laayoune" finds "Laâyoune" and "العيون" finds "العيُون".
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '\u0640')
            {
                continue; // accents, harakat and tatweel carry no meaning for a search
            }

            builder.Append(c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(System.Text.NormalizationForm.FormC).Trim();
    }
}
