namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// C's <c>struct tm</c> as jq exchanges it: <c>[year, month (0-11), mday, hours, minutes, seconds, wday, yday]</c>.
/// Seconds may carry a fraction (gmtime keeps the input's); the others are whole numbers.
/// </summary>
/// <param name="Year">Full year (tm_year + 1900).</param>
/// <param name="Month">Month, 0-11.</param>
/// <param name="Day">Day of the month, 1-31.</param>
/// <param name="Hour">Hours.</param>
/// <param name="Minute">Minutes.</param>
/// <param name="Second">Seconds, possibly with a fraction.</param>
/// <param name="WeekDay">Day of the week, 0 = Sunday.</param>
/// <param name="YearDay">Day of the year, 0-based.</param>
public readonly record struct JqBrokenDownTime(double Year, double Month, double Day, double Hour, double Minute, double Second, double WeekDay, double YearDay)
{
    /// <summary>The eight numbers in jq's order.</summary>
    public double[] ToArray() => [Year, Month, Day, Hour, Minute, Second, WeekDay, YearDay];

    /// <summary>
    /// jq's <c>jv2tm</c>: the first eight elements of an array, each of which must be a number (null stands for a
    /// non-number or a missing element); null when they are not, and jq then reports its "requires parsed datetime
    /// inputs" error.
    /// </summary>
    public static JqBrokenDownTime? FromArray(IReadOnlyList<double?> items)
    {
        if (items.Count < 8 || items.Take(8).Any(i => i is null))
        {
            return null;
        }

        return new JqBrokenDownTime(items[0]!.Value, items[1]!.Value, items[2]!.Value, items[3]!.Value, items[4]!.Value,
            items[5]!.Value, items[6]!.Value, items[7]!.Value);
    }

    /// <summary>The C (int) conversion of a field (truncation toward zero).</summary>
    internal static long Int(double v) => double.IsNaN(v) ? int.MinValue : (long)Math.Clamp(Math.Truncate(v), int.MinValue, int.MaxValue);
}
