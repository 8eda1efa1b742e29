using System.Text;

namespace RegionalTraining.Core.Meetings;

/// <summary>
/// A photo or document of a meeting. The file lives outside the web root under a random name; only this row
/// knows its original name, so nothing a user uploads can be reached or executed by guessing a path.
/// </summary>
public class MeetingAttachment
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public required string OriginalName { get; set; }

    public required string StoredName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public string? Caption { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public string UploadedBy { get; set; } = string.Empty;

    /// <summary>The name shown and sent: rows stored before the name rules existed get them too.</summary>
    public string DownloadName => AttachmentRules.NameFor(OriginalName, ContentType);
}

/// <summary>What may be attached: JPEG, PNG and PDF up to a size limit, recognised by their first bytes, not by their name.</summary>
public static class AttachmentRules
{
    public const long MaximumBytes = 10 * 1024 * 1024;

    /// <summary>The content type the file really has, or null when it is none of the accepted ones.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        if (head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8))
        {
            return "application/pdf";
        }

        return null;
    }

    /// <summary>The width of the <see cref="MeetingAttachment.OriginalName"/> column.</summary>
    public const int NameMaxLength = 200;

    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.Ordinal)
    {
        ["image/jpeg"] = [".jpg", ".jpeg"],
        ["image/png"] = [".png"],
        ["application/pdf"] = [".pdf"],
    };

    /// <summary>
    /// Whether the file is shown in the page rather than downloaded: photos only. A PDF is always a download, even
    /// one that also holds HTML or script (a polyglot): such a file is not refused, because a genuine PDF may quote
    /// HTML in its text and a scan for markers would refuse it while missing payloads hidden in compressed streams.
    /// It is harmless as served: <c>application/pdf</c>, <c>nosniff</c>, <c>attachment</c>, a sandboxing CSP, and a
    /// <c>.pdf</c> name (<see cref="NameFor"/>), so neither the browser nor the desktop that opens the saved file
    /// ever treats it as a page.
    /// </summary>
    public static bool ServedInline(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>
    /// The name a file is listed and downloaded under. What the uploader sent, without any folder, control, bidi or
    /// path characters, ending with the extension of the type the content really has (a saved file is opened by its
    /// extension: "report.html" holding a PDF becomes "report.pdf"), and no longer than the column.
    /// </summary>
    public static string NameFor(string uploadedName, string contentType)
    {
        var accepted = Extensions.GetValueOrDefault(contentType, [".bin"]);
        var name = Clean(uploadedName);
        var current = Path.GetExtension(name);
        string stem;
        string extension;
        if (current.Length > 0 && accepted.Contains(current, StringComparer.OrdinalIgnoreCase))
        {
            (stem, extension) = (name[..^current.Length], current);
        }
        else
        {
            // "report.html" → "report.pdf", but "minutes 12.03" → "minutes 12.03.pdf": only a file-type-like
            // extension (a few letters and digits, at least one letter) is replaced rather than kept.
            var replaced = current.Length is > 1 and <= 6 && current[1..].All(char.IsAsciiLetterOrDigit) && current.Any(char.IsAsciiLetter);
            (stem, extension) = (replaced ? name[..^current.Length] : name, accepted[0]);
        }

        // No leading dot (a hidden file once saved) and no trailing one (Windows drops it, exposing the real extension).
        stem = Truncate(stem.Trim(' ', '.'), NameMaxLength - extension.Length).TrimEnd(' ', '.');
        if (stem.Length == 0)
        {
            stem = ServedInline(contentType) ? "photo" : "document";
        }

        return stem + extension;
    }

    /// <summary>
    /// Keeps the last path segment and drops what could disguise or break a name: control characters, line and
    /// paragraph separators, the bidirectional controls (U+061C, U+200E/F, U+202A–E, U+2066–9: "photo{U+202E}gnp.exe" reads
    /// as "photoexe.png"), characters no file system accepts, and halves of broken surrogate pairs. Letters of every
    /// script, Arabic included, are kept.
    /// </summary>
    private static string Clean(string name)
    {
        var kept = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                kept.Append(c).Append(name[++i]);
            }
            else if (c is '/' or '\\')
            {
                kept.Clear();
            }
            else if (!IsRemoved(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Trim().TrimEnd('.', ' ');
    }

    private static bool IsRemoved(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        || c is '\u2028' or '\u2029' or ':' or '*' or '?' or '"' or '<' or '>' or '|';

    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        // Never cut between the two halves of a character outside the basic plane.
        return char.IsLowSurrogate(text[length]) ? text[..(length - 1)] : text[..length];
    }
}
