using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.Email;

namespace RegionalTraining.UnitTests.Web;

public sealed class PickupFolderEmailSenderTests : IDisposable
{
    private const string Link = "https://portail.example.org/Account/ResetPassword?userId=0d1f6a4e-8f5b-4c3e-9a51-2b7c6d8e9f01&code=Q2ZESjhFZ1hUcW5vR2pGQmtWb0NVTlJhQ3dyV3B4N0tqZlF6eV9hYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk";
    private readonly string _folder = Directory.CreateTempSubdirectory("rt-pickup-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> SendAsync(EmailMessage message)
    {
        await new PickupFolderEmailSender(_folder, "Portail <portail@example.org>", _clock, NullLogger<PickupFolderEmailSender>.Instance).SendAsync(message);
        return Directory.GetFiles(_folder, "*.eml").Single();
    }

    [Fact]
    public async Task Send_WritesARealEmlWithFromToDateMessageIdAndTheArabicSubject()
    {
        var file = await SendAsync(new EmailMessage("director@test.local", "إعادة تعيين كلمة المرور – RegionalTraining", "<p>مرحبا</p>", "مرحبا\n\n" + Link + "\n"));

        var mime = await MimeMessage.LoadAsync(file);

        Assert.Equal("portail@example.org", mime.From.Mailboxes.Single().Address);
        Assert.Equal("director@test.local", mime.To.Mailboxes.Single().Address);
        Assert.Equal(_clock.GetUtcNow(), mime.Date);
        Assert.EndsWith("@example.org", mime.MessageId);
        Assert.Equal("إعادة تعيين كلمة المرور – RegionalTraining", mime.Subject);
        Assert.Equal("مرحبا\n\n" + Link + "\n", mime.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("<p>مرحبا</p>", mime.HtmlBody);
        Assert.Equal("utf-8", mime.BodyParts.OfType<TextPart>().First().ContentType.Charset, ignoreCase: true);
    }

    [Fact]
    public async Task Send_FileHasCrlfLineEndsAndKeepsTheLinkAndTheRecipientReadable()
    {
        var file = await SendAsync(new EmailMessage("director@test.local", "Invitation", "<p><a href=\"" + Link + "\">" + Link + "</a></p>", "Bonjour\n\n" + Link + "\n"));

        var raw = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));

        Assert.DoesNotMatch(new Regex("(?<!\r)\n"), raw);
        Assert.Contains("\r\nTo: director@test.local\r\n", raw);
        Assert.Equal(Link, Regex.Match(raw, @"https://\S+").Value);
    }
}
