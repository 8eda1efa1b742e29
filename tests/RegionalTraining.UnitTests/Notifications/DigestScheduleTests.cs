using System.Globalization;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Notifications.Digests;

namespace RegionalTraining.UnitTests.Notifications;

public class DigestScheduleTests
{
    // Morocco's usual offset without any change of offset, so these tests do not depend on the machine's zone data.
    private static readonly TimeZoneInfo FixedMorocco = TimeZoneInfo.CreateCustomTimeZone("Morocco+1-test", TimeSpan.FromHours(1), "Morocco", "Morocco");

    [Theory]
    // 06:30 UTC is 07:30 in Morocco: the day of 2 December has begun at 07:00.
    [InlineData("2026-12-02T06:30", 7, "2026-12-02")]
    // 05:30 UTC is 06:30 in Morocco, before 07:00: still the period of 1 December.
    [InlineData("2026-12-02T05:30", 7, "2026-12-01")]
    // 23:30 UTC on 1 December is 00:30 on 2 December in Morocco; with the day starting at midnight it is the 2nd.
    [InlineData("2026-12-01T23:30", 0, "2026-12-02")]
    public void Daily_IsTheDayInMoroccoWhoseHourHasCome(string utc, int hour, string expected) =>
        Assert.Equal(expected, DigestSchedule.Daily(Utc(utc), FixedMorocco, hour).Key);

    [Theory]
    // Monday 30 November 2026 is in ISO week 49; 07:00 in Morocco is 06:00 UTC.
    [InlineData("2026-11-30T06:00", 7, "2026-W49")]
    // A minute before the hour on Monday: still last week.
    [InlineData("2026-11-30T05:59", 7, "2026-W48")]
    // Later in the week: the week of its Monday.
    [InlineData("2026-12-02T12:00", 7, "2026-W49")]
    [InlineData("2026-12-05T12:00", 7, "2026-W49")]
    [InlineData("2026-12-06T12:00", 7, "2026-W49")]
    // Across the new year, the ISO week-year: Monday 28 December 2026 begins week 53, Sunday 3 January 2027 is still in it,
    // Monday 4 January 2027 begins week 1 of 2027.
    [InlineData("2027-01-03T12:00", 7, "2026-W53")]
    [InlineData("2027-01-04T12:00", 7, "2027-W01")]
    // 23:30 UTC on Sunday 29 November is 00:30 on Monday 30 November in Morocco.
    [InlineData("2026-11-29T23:30", 0, "2026-W49")]
    public void Weekly_IsTheIsoWeekOfTheMondayInMoroccoWhoseHourHasCome(string utc, int hour, string expected) =>
        Assert.Equal(expected, DigestSchedule.Weekly(Utc(utc), FixedMorocco, hour).Key);

    [Fact]
    public void Daily_StartsAtTheHourInMorocco_WithTheFixedAndTheRealZone()
    {
        // The real zone is one hour ahead of UTC in December, as the fixed one.
        var started = new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc);

        Assert.Equal(started, DigestSchedule.Daily(Utc("2026-12-02T06:30"), FixedMorocco, 7).StartedAtUtc);
        Assert.Equal(started, DigestSchedule.Daily(Utc("2026-12-02T06:30"), LocalCalendar.Morocco(), 7).StartedAtUtc);
    }

    [Theory]
    [InlineData("2026-11-30T06:00")]
    [InlineData("2026-12-05T12:00")]
    public void Weekly_StartsOnMondayAtTheHourInMorocco(string utc) =>
        Assert.Equal(new DateTime(2026, 11, 30, 6, 0, 0, DateTimeKind.Utc), DigestSchedule.Weekly(Utc(utc), FixedMorocco, 7).StartedAtUtc);

    private static DateTimeOffset Utc(string instant) =>
        DateTimeOffset.ParseExact(instant, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
