using System.Globalization;

namespace RegionalTraining.Core.Common;

/// <summary>A text of the public record held in French and in Arabic, either of which may be empty.</summary>
/// <param name="Text">What to show.</param>
/// <param name="Lang">The language the text is written in: "fr" or "ar".</param>
/// <param name="IsFallback">True when the reader's own language had no value and the other one is shown.</param>
public sealed record LocalizedText(string Text, string Lang, bool IsFallback)
{
    public string Dir => Lang == "ar" ? "rtl" : "ltr";
}

/// <summary>
/// A text held in French and in Arabic. Also picks the Arabic or the French form of a name stored in both, for the
/// reader's culture (<see cref="Pick"/>).
/// </summary>
public sealed record Bilingual(string? Fr, string? Ar)
{
    public static readonly Bilingual Empty = new(null, null);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Fr) && string.IsNullOrWhiteSpace(Ar);

    /// <summary>Both values, French first, as one line for readers of both languages (feeds, calendar): "French / Arabic".</summary>
    public string Both(string separator = " / ") =>
        string.IsNullOrWhiteSpace(Fr) ? Ar ?? string.Empty
        : string.IsNullOrWhiteSpace(Ar) || Ar == Fr ? Fr
        : Fr + separator + Ar;

    /// <summary>
    /// The reader's language first (Arabic for Arabic readers, French for French and English readers, as <see cref="Pick"/>),
    /// the other only when the first is empty, with the language the text is written in so it can be marked up.
    /// Null when both are empty.
    /// </summary>
    public LocalizedText? For(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var wantsArabic = culture.TwoLetterISOLanguageName == "ar";
        var (first, firstLang, second, secondLang) = wantsArabic ? (Ar, "ar", Fr, "fr") : (Fr, "fr", Ar, "ar");
        return !string.IsNullOrWhiteSpace(first) ? new LocalizedText(first, firstLang, false)
            : !string.IsNullOrWhiteSpace(second) ? new LocalizedText(second, secondLang, true)
            : null;
    }

    /// <summary>The text for the reader's culture, or the empty string.</summary>
    public string Text(CultureInfo? culture = null) => For(culture)?.Text ?? string.Empty;

    /// <summary>Whether a text contains Arabic script, to put old single-language values in the right column.</summary>
    public static bool IsArabicScript(string? text) =>
        !string.IsNullOrEmpty(text) && text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC');

    /// <summary>A typed value as stored: trimmed, and null when blank so that the other language is the fallback.</summary>
    public static string? Stored(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A value typed in one field, put in the column of the script it is written in (seeds, imports).</summary>
    public static Bilingual FromEither(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Empty : IsArabicScript(text) ? new Bilingual(null, text.Trim()) : new Bilingual(text.Trim(), null);

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
