using System.Globalization;
using System.Text;
using TrailSift.Core.Json;

namespace TrailSift.Core.Events;

/// <summary>Parses CloudTrail timestamps (<c>2024-07-30T12:34:56Z</c>, optional fraction and offset) without allocating.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class EventTimeParser
{
    /// <summary>Parses a string node to UTC ticks.</summary>
    public static bool TryParse(JsonNode node, out long utcTicks)
    {
        Span<byte> buf = stackalloc byte[64];
        ReadOnlySpan<byte> raw = node.RawStringContent;
        if (raw.Length > 64)
        {
            utcTicks = 0;
            return false;
        }

        int n = node.HasEscapes ? node.CopyUtf8String(buf) : raw.Length;
        return TryParse(node.HasEscapes ? buf[..n] : raw, out utcTicks);
    }

    /// <summary>Parses UTF-8 text to UTC ticks.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out long utcTicks)
    {
        utcTicks = 0;
        // Fast path: yyyy-MM-ddTHH:mm:ss[.f+]Z
        if (s.Length >= 20 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') && s[13] == ':' && s[16] == ':'
            && s[^1] == 'Z'
            && Digits(s, 0, 4, out int y) && Digits(s, 5, 2, out int mo) && Digits(s, 8, 2, out int d)
            && Digits(s, 11, 2, out int h) && Digits(s, 14, 2, out int mi) && Digits(s, 17, 2, out int sec)
            && y >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && h < 24 && mi < 60 && sec < 60)
        {
            long fractionTicks = 0;
            int i = 19;
            if (i < s.Length - 1)
            {
                if (s[i] != '.')
                {
                    return Slow(s, out utcTicks);
                }

                i++;
                long scale = TimeSpan.TicksPerSecond / 10;
                for (; i < s.Length - 1; i++)
                {
                    int digit = s[i] - '0';
                    if ((uint)digit > 9)
                    {
                        return Slow(s, out utcTicks);
                    }

                    fractionTicks += digit * scale;
                    scale /= 10;
                }
            }

            utcTicks = new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Utc).Ticks + fractionTicks;
            return true;
        }

        return Slow(s, out utcTicks);
    }

    private static bool Slow(ReadOnlySpan<byte> s, out long utcTicks)
    {
        if (DateTimeOffset.TryParse(Encoding.UTF8.GetString(s), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset dto))
        {
            utcTicks = dto.UtcTicks;
            return true;
        }

        utcTicks = 0;
        return false;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
