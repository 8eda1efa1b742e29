using MimeKit;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Web.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file instead of sending it (Development, and any install without SMTP), so
/// password-reset and invitation links can be followed without a mail server.
/// </summary>
public sealed class PickupFolderEmailSender(string folder, string from, TimeProvider clock, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    private static readonly FormatOptions Crlf = CrlfOptions();

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var mime = MimeMessages.Build(message, from, now);
        // 8bit where lines allow it (RFC 5322: 998 octets), so a person opening the file reads the Arabic text and
        // finds the link on one line; a longer line falls back to quoted-printable.
        mime.Prepare(EncodingConstraint.EightBit, 998);
        var name = $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        await using (var file = File.Create(Path.Combine(folder, name)))
        {
            await mime.WriteToAsync(Crlf, file, cancellationToken);
        }

        logger.LogInformation("E-mail written to pickup folder as {FileName}", name);
    }

    private static FormatOptions CrlfOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
