using System.Globalization;
using System.Text;

namespace RegionalTraining.Core.Search;

/// <summary>
/// Text folded for the index: every character keeps the range of the source text it came from, so a match in the
/// folded text can be marked in the original one.
/// </summary>
public sealed record FoldedText(string Value, int[] SourceStart, int[] SourceEnd);

/// <summary>
/// The one folding of the search index, applied to the indexed text and to the query alike
/// (decisions 0010 and 0015 say why it is hand-written). It goes further than <c>Bilingual.Normalise</c>: the
/// folded text is a skeleton in which the spelling variants of a name meet.
/// <list type="bullet">
/// <item>Both scripts: lower case, no accents or short vowels, no spaces, hyphens or punctuation (so "Sidi Ifni",
/// "Sidi-Ifni" and "مير اللفت" lose their inner space), a doubled letter written once ("Mirlleft", "ميراللفت").</item>
/// <item>Arabic: one alef form, then no alef at all (the article's alef and a long a written or not), ى→ي,
/// ة→ه, ؤ→و, ئ→ي, no hamza or tatweel, Moroccan ڭ→ك and ڤ→ف, Arabic-Indic digits as 0–9.</item>
/// <item>Latin: vowel classes (e/é/i/y → i; o/ou/u/w → u; a/â → a) and common transliterations
/// (kh→x, sh→ch, dh→d, th→t, gh→g, ph→f, q→k).</item>
/// </list>
/// Query words additionally lose an Arabic prefix (و ف, then ب ك ل, then the article ال) and a Latin article
/// written as its own word (el, al, ad, es… fall under the three-letter minimum): the index keeps them, and a
/// match is a substring, so "بميراللفت" and "العيون" find "بميرلفت" and "بالعيون".
/// </summary>
public static class SearchFolding
{
    /// <summary>Shorter query terms are dropped: a trigram index cannot look them up.</summary>
    public const int MinimumTermLength = 3;

    public static string Key(string? text) => Fold(text).Value;

    public static FoldedText Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new FoldedText(string.Empty, [], []);
        }

        // First the letters, each with its source position, without marks, spaces or punctuation.
        var letters = new List<(char Letter, int Start, int End, bool WordStart)>(text.Length);
        var wordStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSurrogate(c))
            {
                wordStart = true;
                continue;
            }

            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                var mapped = MapLetter(d);
                if (mapped != '\0')
                {
                    letters.Add((mapped, i, i + 1, wordStart));
                    wordStart = false;
                }
            }
        }

        // Then the Latin digraphs and vowel classes, then one letter of each doubled pair.
        var output = new StringBuilder(letters.Count);
        var starts = new List<int>(letters.Count);
        var ends = new List<int>(letters.Count);
        void Emit(char letter, int start, int end)
        {
            if (output.Length > 0 && output[^1] == letter)
            {
                ends[^1] = end; // a doubled letter is one letter
                return;
            }

            output.Append(letter);
            starts.Add(start);
            ends.Add(end);
        }

        for (var i = 0; i < letters.Count; i++)
        {
            var (letter, start, end, _) = letters[i];
            // A digraph never spans two words: "Ait Hammou" keeps its h.
            var next = i + 1 < letters.Count && !letters[i + 1].WordStart ? letters[i + 1].Letter : '\0';
            var pair = next == '\0' ? null : string.Concat(letter, next);
            switch (pair)
            {
                case "kh":
                    Emit('x', start, letters[++i].End);
                    continue;
                case "sh" or "ch":
                    Emit('c', start, letters[i + 1].End);
                    Emit('h', start, letters[++i].End);
                    continue;
                case "dh" or "th" or "gh":
                    Emit(letter, start, letters[++i].End);
                    continue;
                case "ph":
                    Emit('f', start, letters[++i].End);
                    continue;
                case "ou":
                    Emit('u', start, letters[++i].End);
                    continue;
            }

            Emit(letter switch
            {
                'e' or 'y' => 'i',
                'o' or 'w' => 'u',
                'q' => 'k',
                _ => letter,
            }, start, end);
        }

        return new FoldedText(output.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>The query's words, each folded as a term of at least <see cref="MinimumTermLength"/> letters.</summary>
    public static IReadOnlyList<string> QueryTerms(string? query)
    {
        var terms = new List<string>();
        foreach (var word in Words(query))
        {
            var term = Key(StripArabicPrefix(word));
            if (term.Length >= MinimumTermLength && !terms.Contains(term))
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    /// <summary>The whole query folded as one name ("El Aaiún" → "ilaiun"), its words' prefixes stripped.</summary>
    public static string JoinedKey(string? query) => Key(string.Concat(Words(query).Select(StripArabicPrefix)));

    /// <summary>The distinct three-letter windows of a folded text.</summary>
    public static HashSet<string> Trigrams(string folded)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= folded.Length; i++)
        {
            grams.Add(folded.Substring(i, 3));
        }

        return grams;
    }

    /// <summary>Share of the term's trigrams found in the text: 1 when the term is a substring, less for a near spelling.</summary>
    public static double Similarity(string term, HashSet<string> textTrigrams)
    {
        var grams = Trigrams(term);
        return grams.Count == 0 ? 0 : (double)grams.Count(textTrigrams.Contains) / grams.Count;
    }

    private static IEnumerable<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query) ? []
        : query.Split((char[])[' ', '\t', '\n', '\r', '-', '\'', '’', '/', ',', '.', ';', ':', '"', '(', ')', '\u00A0', '،', '_'],
            StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The light-stemming prefixes: a conjunction (و ف), a preposition (ب ك ل), the article (ال, or لل after ل).</summary>
    internal static string StripArabicPrefix(string word)
    {
        var w = word.Normalize(NormalizationForm.FormC);
        if (w.Length == 0 || !IsArabicLetter(w[0]))
        {
            return w;
        }

        var rest = w;
        if (rest.Length > 3 && rest[0] is 'و' or 'ف')
        {
            rest = rest[1..];
        }

        if (rest.Length > 3 && rest[0] is 'ب' or 'ك' or 'ل')
        {
            // "لل" is ل before the article whose alef is not written.
            rest = rest[0] == 'ل' && rest[1] == 'ل' ? rest[2..] : rest[1..];
        }

        if (rest.Length > 3 && rest[0] is 'ا' or 'أ' or 'إ' && rest[1] == 'ل')
        {
            rest = rest[2..];
        }

        return Key(rest).Length >= MinimumTermLength ? rest : w;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u06FF';

    /// <summary>One decomposed character to its folded letter, or '\0' when it carries nothing for a search.</summary>
    private static char MapLetter(char d)
    {
        if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark)
        {
            return '\0'; // accents, harakat, shadda, hamza above or below
        }

        switch (d)
        {
            case 'ا' or 'ٱ' or 'ء' or '\u0640':
                return '\0';
            case 'ى':
                return 'ي';
            case 'ة':
                return 'ه';
            case 'ڭ' or 'گ' or 'ک' or 'ݣ':
                return 'ك';
            case 'ڤ':
                return 'ف';
            case 'پ':
                return 'ب';
            case 'ی':
                return 'ي';
            case >= '\u0660' and <= '\u0669':
                return (char)('0' + (d - '\u0660'));
            case >= '\u06F0' and <= '\u06F9':
                return (char)('0' + (d - '\u06F0'));
            case 'æ':
                return 'a';
            case 'œ':
                return 'u';
            case 'ß':
                return 's';
        }

        return char.IsLetterOrDigit(d) ? char.ToLowerInvariant(d) : '\0';
    }
}
