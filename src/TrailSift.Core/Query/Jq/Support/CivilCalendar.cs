namespace TrailSift.Core.Query.Jq.Support;

/// <summary>Proleptic Gregorian calendar arithmetic on 64-bit day numbers (days since 1970-01-01), any year.</summary>
internal static class CivilCalendar
{
    /// <summary>Days since the epoch of a year, month (1..12) and day.</summary>
    public static long DaysFromCivil(long y, long m, long d)
    {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - (era * 400);
        long doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
        long doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468;
    }

    /// <summary>Year, month (1..12) and day of a day number.</summary>
    public static (long Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - (era * 146097);
        long yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        long y = yoe + (era * 400);
        long doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        long mp = ((5 * doy) + 2) / 153;
        int d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        int m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (y + (m <= 2 ? 1 : 0), m, d);
    }

    public static bool IsLeap(long y) => (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    /// <summary>0 = Sunday.</summary>
    public static int WeekDay(long days) => (int)(((days % 7) + 11) % 7);

    /// <summary>0-based day of the year.</summary>
    public static int YearDay(long year, int month, int day) => (int)(DaysFromCivil(year, month, day) - DaysFromCivil(year, 1, 1));

    /// <summary>Floor division.</summary>
    public static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}
