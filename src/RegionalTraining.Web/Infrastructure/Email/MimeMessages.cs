using MimeKit;
using MimeKit.Utils;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Web.Infrastructure.Email;

/// <summary>One way to turn an <see cref="EmailMessage"/> into MIME, for the SMTP relay and the pickup folder alike.</summary>
public static class MimeMessages
{
    public static MimeMessage Build(EmailMessage message, string from, DateTimeOffset date)
    {
        var sender = MailboxAddress.Parse(from);
        var text = new TextPart("plain");
        text.SetText("utf-8", message.TextBody);
        var html = new TextPart("html");
        html.SetText("utf-8", message.HtmlBody);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = MimeUtils.GenerateMessageId(sender.Domain.Length > 0 ? sender.Domain : "localhost"),
            Body = new MultipartAlternative { text, html },
        };
        mime.From.Add(sender);
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }
}
