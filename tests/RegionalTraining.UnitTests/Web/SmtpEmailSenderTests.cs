using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RegionalTraining.Core.Common;
using RegionalTraining.Web.Infrastructure.Email;

namespace RegionalTraining.UnitTests.Web;

public sealed class SmtpEmailSenderTests
{
    [Theory]
    [InlineData(587, true, SecureSocketOptions.StartTls)]
    [InlineData(465, true, SecureSocketOptions.SslOnConnect)]
    [InlineData(25, false, SecureSocketOptions.None)]
    public void Security_FollowsThePort(int port, bool enableSsl, SecureSocketOptions expected) =>
        Assert.Equal(expected, new SmtpOptions { Port = port, EnableSsl = enableSsl }.Security);

    [Theory]
    [InlineData(null, null)]
    [InlineData("relay-user", "relay secret")]
    public async Task Send_ThroughARelay_DeliversTheMessageWithCredentialsOnlyWhenSet(string? userName, string? password)
    {
        using var relay = new FakeRelay();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero));
        var options = new SmtpOptions { Host = "127.0.0.1", Port = relay.Port, EnableSsl = false, UserName = userName, Password = password, From = "portail@example.org" };
        var sending = new SmtpEmailSender(options, clock, NullLogger<SmtpEmailSender>.Instance)
            .SendAsync(new EmailMessage("director@test.local", "إشعار", "<p>مرحبا</p>", "مرحبا Sidi-Ifni"));

        var (data, auth) = await relay.ReceiveAsync();
        await sending;

        var mime = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(data)));
        Assert.Equal("director@test.local", mime.To.Mailboxes.Single().Address);
        Assert.Equal("portail@example.org", mime.From.Mailboxes.Single().Address);
        Assert.Equal(clock.GetUtcNow(), mime.Date);
        Assert.Equal("إشعار", mime.Subject);
        Assert.Equal("مرحبا Sidi-Ifni", mime.TextBody!.TrimEnd());
        Assert.Equal(userName is null ? null : $"\0{userName}\0{password}", auth);
    }

    /// <summary>Just enough of an SMTP server on the loopback interface: one message, AUTH PLAIN, no TLS.</summary>
    private sealed class FakeRelay : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public FakeRelay() => _listener.Start();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose() => _listener.Stop();

        public async Task<(string Data, string? Auth)> ReceiveAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake relay");
            string? auth = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-fake relay\r\n250 AUTH PLAIN");
                        break;
                    case "AUTH":
                        auth = Encoding.UTF8.GetString(Convert.FromBase64String(line.Split(' ')[2]));
                        await writer.WriteLineAsync("235 2.7.0 accepted");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 go on");
                        while (await reader.ReadLineAsync() is { } body && body != ".")
                        {
                            data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                        }

                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return (data.ToString(), auth);
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }

            return (data.ToString(), auth);
        }
    }
}
