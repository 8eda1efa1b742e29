using System.Text;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Web.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file instead of sending it (Development, and any install without SMTP), so
/// password-reset and invitation links can be followed without a mail server.
/// </summary>
public sealed class PickupFolderEmailSender(string folder, TimeProvider clock, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var content = new StringBuilder()
            .Append("To: ").AppendLine(message.To)
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))).AppendLine("?=")
            .AppendLine("MIME-Version: 1.0")
            .AppendLine("Content-Type: text/plain; charset=utf-8")
            .AppendLine()
            .AppendLine(message.TextBody)
            .ToString();
        await File.WriteAllTextAsync(Path.Combine(folder, name), content, Encoding.UTF8, cancellationToken);
        logger.LogInformation("E-mail written to pickup folder as {FileName}", name);
    }
}
