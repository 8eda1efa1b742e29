namespace RegionalTraining.Core.Common;

/// <summary>
/// "Today" where the directorate works. Deadlines are calendar days in Morocco, not in UTC: a profile sent at
/// 00:30 on the day after the deadline is late even though it is still the deadline day in UTC.
/// </summary>
public sealed class LocalCalendar(TimeProvider clock, TimeZoneInfo zone)
{
    public static TimeZoneInfo Morocco()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without time-zone data: Morocco's usual offset is close enough for day boundaries.
            return TimeZoneInfo.CreateCustomTimeZone("Morocco+1", TimeSpan.FromHours(1), "Morocco", "Morocco");
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    /// <summary>Morocco's time zone (schedules of background jobs are written in it).</summary>
    public TimeZoneInfo Zone => zone;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The UTC instant today began in Morocco (what "today" lists were last re-drawn from).</summary>
    public DateTime TodayStartedAtUtc => StartOfDayUtc(Today);

    /// <summary>Morocco's calendar day of a UTC instant: 23:30 UTC is already the next day when Morocco is at UTC+1.</summary>
    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>
    /// The UTC instant a Moroccan day begins, so a day (or a period of days) filters UTC timestamps by UTC bounds the
    /// database compares directly. Should a clock change ever skip midnight, the day begins at the first hour that exists.
    /// </summary>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }
}
