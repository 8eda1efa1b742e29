namespace RegionalTraining.Core.Meetings;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>Line-by-line differences between two revisions of a text (longest common subsequence).</summary>
public static class LineDiff
{
    public static IReadOnlyList<(DiffKind Kind, string Line)> Compare(string? before, string? after)
    {
        var a = Split(before);
        var b = Split(after);
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var result = new List<(DiffKind, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add((DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                result.Add((DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add((DiffKind.Added, b[y++]));
            }
        }

        result.AddRange(a.Skip(x).Select(line => (DiffKind.Removed, line)));
        result.AddRange(b.Skip(y).Select(line => (DiffKind.Added, line)));
        return result;
    }

    private static string[] Split(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
