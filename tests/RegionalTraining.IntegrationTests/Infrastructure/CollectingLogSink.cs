using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace RegionalTraining.IntegrationTests.Infrastructure;

/// <summary>
/// Keeps every event the portal logs, for tests that check what an operator would read. Registered as a service
/// (<c>AddSingleton&lt;ILogEventSink&gt;</c>), which the portal's Serilog setup picks up (<c>ReadFrom.Services</c>).
/// </summary>
public sealed class CollectingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    /// <summary>Completed by the first event about a request: its summary line, or the "cancelled" line.</summary>
    public TaskCompletionSource RequestLogged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Emit(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        if (logEvent.Properties.ContainsKey("RequestPath"))
        {
            RequestLogged.TrySetResult();
        }
    }
}
