using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Serilog.Events;

namespace RegionalTraining.IntegrationTests.Infrastructure;

/// <summary>
/// A portal of its own for the two-factor tests: a clock they move on by hand (an authenticator code is tied to a
/// 30-second step, and a code of a step already used is refused), the regional director's role requiring a second
/// factor (the administrator's not, so the administrator can sign in and reset), and the log events it writes.
/// </summary>
public sealed class TwoFactorPortal : RegionalTrainingFactory
{
    public FakeTimeProvider Clock { get; } = new(StartOfAStep(DateTimeOffset.UtcNow));

    public ConcurrentQueue<LogEvent> LogEvents { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:TwoFactor:RequiredRoles", "RegionalDirector");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILogEventSink>(new QueueSink(LogEvents));
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

    private sealed class QueueSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
