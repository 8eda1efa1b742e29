using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Meetings.Attachments;

/// <summary>An uploaded file read and checked: its bytes and the type its content really has, or why it is refused.</summary>
public sealed record CheckedUpload(MemoryStream Content, string? ContentType, string? Error)
{
    /// <summary>A new random stored name (hexadecimal, as <see cref="FileSystemAttachmentStore"/> requires).</summary>
    public static string NewStoredName() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>
    /// Reads at most one byte past <see cref="AttachmentRules.MaximumBytes"/> (enough to refuse, never the whole of an
    /// oversized upload) and sniffs the type: JPEG, PNG or PDF, whatever the name says. Shared by meeting attachments
    /// and register evidence, so both refuse the same files with the same messages.
    /// </summary>
    public static async Task<CheckedUpload> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        try
        {
            await content.CopyToAsync(new LimitedStream(buffer, AttachmentRules.MaximumBytes + 1), cancellationToken);
        }
        catch (LimitReachedException)
        {
            // The buffer now holds one byte more than allowed, which the check below refuses.
        }

        var type = buffer.Length is > 0 and <= AttachmentRules.MaximumBytes ? AttachmentRules.Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(16, buffer.Length))) : null;
        buffer.Position = 0;
        return type is not null ? new CheckedUpload(buffer, type, null)
            : new CheckedUpload(buffer, null, buffer.Length == 0 ? Messages.AttachmentEmpty : buffer.Length > AttachmentRules.MaximumBytes ? Messages.AttachmentTooLarge : Messages.AttachmentWrongType);
    }
}
