using DiffPlex;

namespace RegionalTraining.Core.Meetings.Minutes;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>
/// Line-by-line differences between two revisions of a text, through DiffPlex (Myers' algorithm in linear space:
/// memory grows with the length of the texts, not with the product of their lengths).
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<(DiffKind Kind, string Line)> Compare(string? before, string? after)
    {
        var diff = Differ.Instance.CreateDiffs(before ?? string.Empty, after ?? string.Empty, ignoreWhiteSpace: false, ignoreCase: false, Lines.Instance);
        var result = new List<(DiffKind, string)>(Math.Max(diff.PiecesOld.Count, diff.PiecesNew.Count));
        var kept = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; kept < block.DeleteStartA; kept++)
            {
                result.Add((DiffKind.Same, diff.PiecesOld[kept]));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                result.Add((DiffKind.Removed, diff.PiecesOld[block.DeleteStartA + i]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                result.Add((DiffKind.Added, diff.PiecesNew[block.InsertStartB + i]));
            }

            kept = block.DeleteStartA + block.DeleteCountA;
        }

        for (; kept < diff.PiecesOld.Count; kept++)
        {
            result.Add((DiffKind.Same, diff.PiecesOld[kept]));
        }

        return result;
    }

    /// <summary>Lines as the editor saves them (CRLF or LF); an empty text has no line at all, not one empty line.</summary>
    private sealed class Lines : IChunker
    {
        public static readonly Lines Instance = new();

        public IReadOnlyList<string> Chunk(string text) =>
            text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }
}
