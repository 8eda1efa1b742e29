using System.Globalization;

namespace RegionalTraining.Core.Notifications.Digests;

/// <summary>A period of a scheduled job: its key (the lease's) and the UTC instant it began.</summary>
public sealed record DigestPeriod(string Key, DateTime StartedAtUtc);

/// <summary>
/// The periods of the digests, in Morocco's calendar: a day begins at the configured hour, a week on Monday at the
/// configured hour. The current period is the latest one begun, so a node that was down at the hour still sends
/// it when it comes back (once: the lease says whether it is done).
/// </summary>
public static class DigestSchedule
{
    public static DigestPeriod Daily(DateTimeOffset now, TimeZoneInfo zone, int hour)
    {
        var day = EffectiveDay(now, zone, hour);
        return new DigestPeriod(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StartUtc(day, zone, hour));
    }

    public static DigestPeriod Weekly(DateTimeOffset now, TimeZoneInfo zone, int hour)
    {
        var day = EffectiveDay(now, zone, hour);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var date = monday.ToDateTime(TimeOnly.MinValue);
        var key = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
        return new DigestPeriod(key, StartUtc(monday, zone, hour));
    }

    /// <summary>The local day whose period is running: before the hour, still the day before.</summary>
    private static DateOnly EffectiveDay(DateTimeOffset now, TimeZoneInfo zone, int hour) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime.AddHours(-hour));

    private static DateTime StartUtc(DateOnly day, TimeZoneInfo zone, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        // An hour skipped by a change of offset (Morocco moves its clocks around Ramadan) starts one hour later.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
