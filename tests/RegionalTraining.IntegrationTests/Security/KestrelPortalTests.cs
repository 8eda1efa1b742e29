using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.Web.Infrastructure.Security;

namespace RegionalTraining.IntegrationTests.Security;

/// <summary>
/// The portal on a real Kestrel port (the in-memory test server never sends a Server header, so only Kestrel can
/// show it), in Production with unencrypted keys explicitly allowed.
/// </summary>
public sealed class KestrelPortal : IDisposable
{
    private readonly RegionalTrainingFactory _base = new();

    public KestrelPortal()
    {
        var factory = _base.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("DataProtection:AllowUnencryptedKeys", "true");
            b.ConfigureTestServices(s => s.AddSingleton<ILogger<UnencryptedKeysWarning>>(Warnings));
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1")) };
    }

    public HttpClient Client { get; }

    public CapturingLogger<UnencryptedKeysWarning> Warnings { get; } = new();

    public void Dispose()
    {
        Client.Dispose();
        _base.Dispose();
    }
}

public sealed class KestrelPortalTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/Account/Login")]
    [InlineData("/nowhere")]
    public async Task AnyResponse_CarriesNoServerHeader(string path)
    {
        var response = await portal.Client.GetAsync(path);

        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.Server)}");
    }

    [Fact]
    public void Production_WithUnencryptedKeysAllowed_StartsAndWarnsInTheLog() =>
        Assert.Contains(portal.Warnings.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("Data Protection keys are stored UNENCRYPTED in the database", StringComparison.Ordinal));
}

/// <summary>Keeps what one class logs, for tests that check an operator is told something.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Text)> _messages = new();

    public IReadOnlyCollection<(LogLevel Level, string Text)> Messages => _messages;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _messages.Enqueue((logLevel, formatter(state, exception)));
}
