using System.Globalization;

namespace RegionalTraining.Core.Common;

/// <summary>
/// Reads numbers as people type them in Morocco: "12,5" or "12.5", Arabic-Indic digits (١٢٫٥), spaces or
/// non-breaking spaces as thousands separators, and the invisible direction marks ar-MA puts before a minus.
/// </summary>
public static class NumberInput
{
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var chars = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            switch (c)
            {
                case >= '\u0660' and <= '\u0669':
                    chars.Append((char)('0' + (c - '\u0660')));
                    break;
                case >= '\u06F0' and <= '\u06F9':
                    chars.Append((char)('0' + (c - '\u06F0')));
                    break;
                case '\u066B' or ',':
                    chars.Append('.');
                    break;
                case '\u200E' or '\u200F' or '\u061C' or ' ' or '\u00A0' or '\u202F' or '\u066C':
                    break;
                case '\u2212':
                    chars.Append('-');
                    break;
                default:
                    chars.Append(c);
                    break;
            }
        }

        var normalised = chars.ToString();
        // Two separators ("1.234,5") are ambiguous across cultures: refuse rather than guess.
        if (normalised.Count(c => c == '.') > 1)
        {
            return false;
        }

        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }
}
