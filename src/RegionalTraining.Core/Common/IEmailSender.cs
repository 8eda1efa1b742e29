namespace RegionalTraining.Core.Common;

public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody);

/// <summary>Sends e-mail. Pluggable: a pickup folder in Development, SMTP where configured.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
