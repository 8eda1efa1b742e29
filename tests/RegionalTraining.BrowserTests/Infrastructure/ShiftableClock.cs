namespace RegionalTraining.BrowserTests.Infrastructure;

/// <summary>
/// The portal's clock in the browser tests: real time, plus whatever a journey moved it on by. Real time keeps the
/// other journeys as they are; moving on lets the two-factor journey reach the next authenticator step at once, where
/// waiting 30 seconds would be slow and a code of the same step is refused as a replay.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
