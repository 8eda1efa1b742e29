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
}

/// <summary>What may be attached: JPEG, PNG and PDF up to a size limit, recognised by their first bytes, not by their name.</summary>
public static class AttachmentRules
{
    public const long MaximumBytes = 10 * 1024 * 1024;
    public const string TooLarge = "The file is larger than 10 MB.";
    public const string WrongType = "Only JPEG or PNG photos and PDF documents can be attached.";
    public const string Empty = "The file is empty.";

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

    /// <summary>A display name safe for a Content-Disposition header and a page: no path, no control characters.</summary>
    public static string CleanName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var cleaned = new string(file.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not ':').ToArray()).Trim();
        if (cleaned.Length > 150)
        {
            cleaned = cleaned[^150..];
        }

        return cleaned.Length == 0 ? "file" : cleaned;
    }
}
