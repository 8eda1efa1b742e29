using RegionalTraining.Core.Common;
using RegionalTraining.Core.Notifications.Digests;

namespace RegionalTraining.UnitTests.Notifications;

public class DigestScheduleTests
{
    // Morocco's usual offset without any change of offset, so these tests do not depend on the machine's zone data.
    private static readonly TimeZoneInfo FixedMorocco = TimeZoneInfo.CreateCustomTimeZone("Morocco+1-test", TimeSpan.FromHours(1), "Morocco", "Morocco");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Daily_AfterTheHourInMorocco_IsToday()
    {
        // 06:30 UTC is 07:30 in Morocco: the day of 2 December has begun at 07:00.
        var period = DigestSchedule.Daily(Utc(2026, 12, 2, 6, 30), FixedMorocco, 7);

        Assert.Equal("2026-12-02", period.Key);
        Assert.Equal(new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc), period.StartedAtUtc);
    }

    [Fact]
    public void Daily_BeforeTheHourInMorocco_IsStillTheDayBefore()
    {
        // 05:30 UTC is 06:30 in Morocco, before 07:00: still the period of 1 December.
        Assert.Equal("2026-12-01", DigestSchedule.Daily(Utc(2026, 12, 2, 5, 30), FixedMorocco, 7).Key);
    }

    [Fact]
    public void Daily_JustAfterMidnightInMoroccoButNotInUtc_IsMoroccosDay()
    {
        // 23:30 UTC on 1 December is 00:30 on 2 December in Morocco; with the day starting at midnight it is the 2nd.
        Assert.Equal("2026-12-02", DigestSchedule.Daily(Utc(2026, 12, 1, 23, 30), FixedMorocco, 0).Key);
    }

    [Fact]
    public void Weekly_OnMondayAfterTheHour_IsTheNewIsoWeek()
    {
        // Monday 30 November 2026 is in ISO week 49; 07:00 in Morocco is 06:00 UTC.
        var period = DigestSchedule.Weekly(Utc(2026, 11, 30, 6, 0), FixedMorocco, 7);

        Assert.Equal("2026-W49", period.Key);
        Assert.Equal(new DateTime(2026, 11, 30, 6, 0, 0, DateTimeKind.Utc), period.StartedAtUtc);
    }

    [Fact]
    public void Weekly_OnMondayBeforeTheHour_IsStillLastWeek()
    {
        Assert.Equal("2026-W48", DigestSchedule.Weekly(Utc(2026, 11, 30, 5, 59), FixedMorocco, 7).Key);
    }

    [Theory]
    [InlineData(2026, 12, 2)]
    [InlineData(2026, 12, 5)]
    [InlineData(2026, 12, 6)]
    public void Weekly_LaterInTheWeek_IsTheWeekOfItsMonday(int year, int month, int day)
    {
        var period = DigestSchedule.Weekly(Utc(year, month, day, 12), FixedMorocco, 7);

        Assert.Equal("2026-W49", period.Key);
        Assert.Equal(new DateTime(2026, 11, 30, 6, 0, 0, DateTimeKind.Utc), period.StartedAtUtc);
    }

    [Fact]
    public void Weekly_AcrossTheNewYear_UsesTheIsoWeekYear()
    {
        // Monday 28 December 2026 begins ISO week 53 of 2026; Sunday 3 January 2027 is still in it.
        Assert.Equal("2026-W53", DigestSchedule.Weekly(Utc(2027, 1, 3, 12), FixedMorocco, 7).Key);
        // Monday 4 January 2027 begins week 1 of 2027.
        Assert.Equal("2027-W01", DigestSchedule.Weekly(Utc(2027, 1, 4, 12), FixedMorocco, 7).Key);
    }

    [Fact]
    public void Weekly_SundayLateInUtcButMondayInMorocco_IsTheNewWeek()
    {
        // 23:30 UTC on Sunday 29 November is 00:30 on Monday 30 November in Morocco.
        Assert.Equal("2026-W49", DigestSchedule.Weekly(Utc(2026, 11, 29, 23, 30), FixedMorocco, 0).Key);
    }

    [Fact]
    public void Daily_WithTheRealMoroccoZone_InDecember_IsOneHourAheadOfUtc()
    {
        var period = DigestSchedule.Daily(Utc(2026, 12, 2, 6, 30), LocalCalendar.Morocco(), 7);

        Assert.Equal("2026-12-02", period.Key);
        Assert.Equal(new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc), period.StartedAtUtc);
    }
}
