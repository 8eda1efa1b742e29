using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RegionalTraining.Core.Accounts.TwoFactor;

namespace RegionalTraining.IntegrationTests.Infrastructure;

/// <summary>
/// A portal of its own for the two-factor tests: a clock they move on by hand (an authenticator code is tied to a
/// 30-second step, and a code of a step already used is refused), the regional director's role requiring a second
/// factor (the administrator's not, so the administrator can sign in and reset), and what TwoFactorService logs.
/// </summary>
public sealed class TwoFactorPortal : RegionalTrainingFactory
{
    public FakeTimeProvider Clock { get; } = new(StartOfAStep(DateTimeOffset.UtcNow));

    /// <summary>
    /// TwoFactorService's log entries as (message template, properties). Captured at its ILogger rather than by a
    /// Serilog sink: Serilog writes through the static Log.Logger, which the portals of tests running in parallel
    /// replace one another's.
    /// </summary>
    public ConcurrentQueue<(string Template, IReadOnlyDictionary<string, object?> Properties)> TwoFactorLog { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:TwoFactor:RequiredRoles", "RegionalDirector");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILogger<TwoFactorService>>(new CapturingLogger<TwoFactorService>(TwoFactorLog));
        });
    }

    /// <summary>Moves the clock to the next 30-second step, so the authenticator shows a new code.</summary>
    public void NextStep() => Clock.Advance(TimeSpan.FromSeconds(30));

    /// <summary>
    /// Starts at a real date (cookies the test client keeps must not look expired to it), at the start of a step so
    /// that <see cref="NextStep"/> always lands in the next one.
    /// </summary>
    private static DateTimeOffset StartOfAStep(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() - (now.ToUnixTimeSeconds() % 30));

    private sealed class CapturingLogger<T>(ConcurrentQueue<(string, IReadOnlyDictionary<string, object?>)> entries) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value);
            entries.Enqueue((properties.GetValueOrDefault("{OriginalFormat}") as string ?? formatter(state, exception), properties));
        }
    }
}
