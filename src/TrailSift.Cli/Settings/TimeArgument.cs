using System.Globalization;

namespace TrailSift.Cli.Settings;

/// <summary>
/// Parses <c>--since</c>/<c>--until</c> values: RFC 3339 / ISO-8601 instants (<c>2026-03-14T10:00:00Z</c>,
/// <c>2026-03-14T10:00+01:00</c>), dates (<c>2026-03-14</c>, <c>20260314</c>), months (<c>2026-03</c>), epoch seconds
/// (<c>1773446400</c>), <c>today</c>/<c>yesterday</c> (UTC midnight), <c>now</c>, or durations ago (<c>90m</c>,
/// <c>36h</c>, <c>7d</c>, <c>2w</c>), measured from now. Times without an offset are UTC.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class TimeArgument
{
    /// <summary>The forms, for error messages.</summary>
    public const string Forms = "RFC 3339 (2026-03-14T10:00:00Z), 2026-03-14, 20260314, 2026-03, epoch seconds, 90m, 36h, 7d, today, yesterday";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyyMMdd", "yyyy-MM",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssZ", "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd't'HH:mm:ss'z'", "yyyy-MM-dd't'HH:mm:ss.FFFFFFF'z'",
    ];

    /// <summary>Parses <paramref name="text"/> relative to <paramref name="now"/>; false when it is no time or out of range.</summary>
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        value = default;
        switch (text)
        {
            case "now":
                value = now;
                return true;
            case "today":
                value = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
                return true;
            case "yesterday":
                value = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-1), TimeSpan.Zero);
                return true;
        }

        if (TryParseDuration(text, out TimeSpan ago))
        {
            if (now - DateTimeOffset.MinValue < ago)
            {
                return false;
            }

            value = now - ago;
            return true;
        }

        // Eight digits are a date (20260314); other digit strings are epoch seconds.
        if (text.Length is > 0 and < 16 && text.Length != 8 && text.All(char.IsAsciiDigit))
        {
            long seconds = long.Parse(text, CultureInfo.InvariantCulture);
            if (seconds > 253402300799)
            {
                return false;
            }

            value = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Parses a duration such as <c>90m</c>, <c>36h</c>, <c>7d</c>, <c>2w</c> or <c>30s</c>; false when out of range.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
        {
            return false;
        }

        double seconds = char.ToLowerInvariant(text[^1]) switch
        {
            's' => n,
            'm' => n * 60.0,
            'h' => n * 3600.0,
            'd' => n * 86400.0,
            'w' => n * 604800.0,
            _ => -1,
        };
        if (seconds < 0 || seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds((long)seconds);
        return true;
    }
}
