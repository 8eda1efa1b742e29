namespace RegionalTraining.Core.Common;

/// <summary>
/// What typed text may contain. Control characters (a NUL byte breaks exports, logs and some drivers) and the
/// bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069, which can make a text
/// read differently from what it contains) are removed. Line breaks and tabs stay, and so do the invisible
/// left-to-right and right-to-left marks (U+200E, U+200F, U+061C) that Arabic keyboards insert: they only mark
/// a direction and cannot reorder a span of text.
/// </summary>
public static class TextInput
{
    public static bool IsRemoved(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    public static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAny(RemovedCharacters))
        {
            return text;
        }

        return string.Create(text.Length - Count(text), text, (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!IsRemoved(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    private static int Count(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += IsRemoved(c) ? 1 : 0;
        }

        return count;
    }

    private static readonly System.Buffers.SearchValues<char> RemovedCharacters = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(IsRemoved).ToArray());
}
