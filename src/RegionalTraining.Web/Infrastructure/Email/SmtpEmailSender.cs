using MailKit.Net.Smtp;
using MailKit.Security;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Web.Infrastructure.Email;

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS: implicit on port 465, STARTTLS (required, not opportunistic) on any other port; false for none.</summary>
    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@localhost";

    public SecureSocketOptions Security => !EnableSsl ? SecureSocketOptions.None
        : Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;
}

/// <summary>Sends through the directorate's SMTP relay (configuration section Email:Smtp), with MailKit.</summary>
public sealed class SmtpEmailSender(SmtpOptions options, TimeProvider clock, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = MimeMessages.Build(message, options.From, clock.GetUtcNow());
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("E-mail sent through {SmtpHost}", options.Host);
    }
}
