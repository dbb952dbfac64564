namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// jq 1.7.1's date builtins on plain .NET types, with the C library behaviour of jq on Linux (glibc): <c>gmtime</c>,
/// <c>localtime</c>, <c>mktime</c> (timegm), <c>strftime</c>/<c>strflocaltime</c>, <c>strptime</c>, and the helpers
/// jq defines on them (<c>todate</c>, <c>fromdateiso8601</c>). Errors are <see cref="JqTimeException"/>s carrying
/// jq's text. Local time needs a <see cref="TimeZoneInfo"/> from the caller: Core never reads the environment.
/// Type checks on jq values stay with the caller, who reports the message constants below.
/// </summary>
public static partial class JqTime
{
    /// <summary>gmtime on a non-number.</summary>
    public const string GmTimeRequiresNumber = "gmtime() requires numeric inputs";

    /// <summary>localtime on a non-number.</summary>
    public const string LocalTimeRequiresNumber = "localtime() requires numeric inputs";

    /// <summary>mktime on a non-array.</summary>
    public const string MkTimeRequiresArray = "mktime requires array inputs";

    /// <summary>mktime on an array that is not a broken-down time.</summary>
    public const string MkTimeRequiresParsed = "mktime requires parsed datetime inputs";

    /// <summary>strftime on something that is neither a number nor a broken-down time.</summary>
    public const string StrFTimeRequiresParsed = "strftime/1 requires parsed datetime inputs";

    /// <summary>strftime with a non-string format.</summary>
    public const string StrFTimeRequiresString = "strftime/1 requires a string format";

    /// <summary>strflocaltime on something that is neither a number nor a broken-down time.</summary>
    public const string StrFLocalTimeRequiresParsed = "strflocaltime/1 requires parsed datetime inputs";

    /// <summary>strflocaltime with a non-string format.</summary>
    public const string StrFLocalTimeRequiresString = "strflocaltime/1 requires a string format";

    /// <summary>strptime on a non-string input or format.</summary>
    public const string StrPTimeRequiresStrings = "strptime/1 requires string inputs and arguments";

    /// <summary>The format of todate and fromdateiso8601.</summary>
    public const string Iso8601Format = "%Y-%m-%dT%H:%M:%SZ";

    private const string ConversionError = "error converting number of seconds since epoch to datetime";

    /// <summary>jq's <c>gmtime</c>: seconds since the epoch to a broken-down UTC time (seconds keep the fraction).</summary>
    public static JqBrokenDownTime GmTime(double seconds) => Broken(seconds, _ => TimeSpan.Zero);

    /// <summary>jq's <c>localtime</c> in <paramref name="zone"/>.</summary>
    public static JqBrokenDownTime LocalTime(double seconds, TimeZoneInfo zone) => Broken(seconds, s => OffsetAt(zone, s));

    /// <summary>jq's <c>mktime</c> (C timegm): a broken-down UTC time to whole seconds since the epoch.</summary>
    public static double MkTime(JqBrokenDownTime tm)
    {
        long year = JqBrokenDownTime.Int(tm.Year), mon = JqBrokenDownTime.Int(tm.Month), mday = JqBrokenDownTime.Int(tm.Day);
        long hour = JqBrokenDownTime.Int(tm.Hour), min = JqBrokenDownTime.Int(tm.Minute), sec = JqBrokenDownTime.Int(tm.Second);
        // timegm normalises out-of-range fields: months roll into years, the rest into seconds.
        year += CivilCalendar.FloorDiv(mon, 12);
        mon = mon - (CivilCalendar.FloorDiv(mon, 12) * 12);
        long days = CivilCalendar.DaysFromCivil(year, mon + 1, 1) + mday - 1;
        long t = (days * 86400) + (hour * 3600) + (min * 60) + sec;
        long normalisedYear = CivilCalendar.CivilFromDays(CivilCalendar.FloorDiv(t, 86400)).Year;
        if (normalisedYear - 1900 is > int.MaxValue or < int.MinValue)
        {
            throw new JqTimeException("invalid gmtime representation");
        }

        return t;
    }

    /// <summary>jq's <c>todate</c>: <c>strftime("%Y-%m-%dT%H:%M:%SZ")</c> of seconds since the epoch.</summary>
    public static string ToDate(double seconds) => StrFTime(GmTime(seconds), Iso8601Format, TimeZoneInfo.Utc);

    /// <summary>jq's <c>fromdateiso8601</c> (<c>fromdate</c>): <c>strptime("%Y-%m-%dT%H:%M:%SZ") | mktime</c>.</summary>
    public static double FromDateIso8601(string date)
    {
        JqParsedTime parsed = StrPTime(date, Iso8601Format, TimeZoneInfo.Utc);
        return MkTime(parsed.Time);
    }

    /// <summary>jq's <c>now</c>: seconds since the epoch with microseconds, from <paramref name="clock"/>.</summary>
    public static double Now(TimeProvider clock)
    {
        long ticks = clock.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks;
        long micros = ticks / 10;
        return (micros / 1_000_000) + ((micros % 1_000_000) / 1000000.0);
    }

    private static JqBrokenDownTime Broken(double seconds, Func<long, TimeSpan> offset)
    {
        if (double.IsNaN(seconds) || seconds >= 9.2e18 || seconds <= -9.2e18)
        {
            throw new JqTimeException(ConversionError);
        }

        long secs = (long)seconds; // C's (time_t) conversion truncates toward zero
        long local = secs + (long)offset(secs).TotalSeconds;
        long days = CivilCalendar.FloorDiv(local, 86400);
        long rem = local - (days * 86400);
        (long year, int month, int day) = CivilCalendar.CivilFromDays(days);
        if (year - 1900 is > int.MaxValue or < int.MinValue)
        {
            throw new JqTimeException(ConversionError);
        }

        double fraction = seconds - Math.Floor(seconds);
        return new JqBrokenDownTime(year, month - 1, day, rem / 3600, rem % 3600 / 60, (rem % 60) + fraction,
            CivilCalendar.WeekDay(days), CivilCalendar.YearDay(year, month, day));
    }

    /// <summary>The UTC offset of <paramref name="zone"/> at an instant (the zone's base offset outside .NET's range).</summary>
    private static TimeSpan OffsetAt(TimeZoneInfo zone, long unixSeconds)
    {
        const long Min = -62135596800, Max = 253402300799;
        return unixSeconds is < Min or > Max ? zone.BaseUtcOffset : zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
    }
}
