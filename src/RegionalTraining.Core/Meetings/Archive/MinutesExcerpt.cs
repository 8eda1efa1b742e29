using Markdig;

namespace RegionalTraining.Core.Meetings.Archive;

/// <summary>The start of the minutes as plain text, for the public archive list and the Atom feed.</summary>
public static class MinutesExcerpt
{
    public const int Length = 220;

    /// <summary>
    /// How minutes are read, for the excerpt here and the page (SafeMarkdown): raw HTML off, so a table or a
    /// ~~deletion~~ reads the same in both.
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    public static string From(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var text = string.Join(' ', Markdown.ToPlainText(markdown, Pipeline).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= Length)
        {
            return text;
        }

        // Never cut a character written as two UTF-16 units in half.
        var cut = char.IsHighSurrogate(text[Length - 1]) ? Length - 1 : Length;
        return text[..cut].TrimEnd() + "…";
    }
}
