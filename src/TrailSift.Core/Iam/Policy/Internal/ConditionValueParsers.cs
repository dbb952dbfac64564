using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TrailSift.Core.Iam.Policy.Internal;

/// <summary>An IP network: address bytes (4 or 16) and a prefix length. Immutable.</summary>
internal readonly struct IpRange(byte[] address, int prefixLength)
{
    public byte[] Address { get; } = address;

    public int PrefixLength { get; } = prefixLength;

    public bool Contains(ReadOnlySpan<byte> candidate)
    {
        if (candidate.Length != Address.Length)
        {
            return false;
        }

        int full = PrefixLength / 8;
        if (!candidate[..full].SequenceEqual(Address.AsSpan(0, full)))
        {
            return false;
        }

        int rest = PrefixLength % 8;
        if (rest == 0)
        {
            return true;
        }

        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[full] & mask) == (Address[full] & mask);
    }
}

/// <summary>
/// Parsers for typed condition values, shared by the policy parser (to warn about bad values) and the
/// evaluator (to compare them). All are culture-invariant and never throw. Stateless; thread-safe.
/// </summary>
internal static class ConditionValueParsers
{
    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses an ISO-8601 date-time or epoch seconds (integer or decimal) into UTC ticks.</summary>
    public static bool TryParseDate(string text, out long utcTicks)
    {
        utcTicks = 0;
        if (text.Length == 0)
        {
            return false;
        }

        if (IsEpoch(text))
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal seconds)
                || seconds < -62135596800m || seconds > 253402300799m)
            {
                return false;
            }

            utcTicks = DateTime.UnixEpoch.Ticks + (long)(seconds * TimeSpan.TicksPerSecond);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed))
        {
            utcTicks = parsed.UtcTicks;
            return true;
        }

        return false;
    }

    public static bool TryParseBool(string text, out bool value)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a CIDR block or a bare address (a /32 or /128 network).</summary>
    public static bool TryParseCidr(string text, out IpRange range)
    {
        range = default;
        int slash = text.IndexOf('/');
        ReadOnlySpan<char> addressText = slash < 0 ? text : text.AsSpan(0, slash);
        if (!TryParseAddress(addressText, out byte[]? bytes))
        {
            return false;
        }

        int prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
            || prefix > bytes.Length * 8))
        {
            return false;
        }

        range = new IpRange(bytes, prefix);
        return true;
    }

    /// <summary>Parses an IPv4 or IPv6 address; IPv4-mapped IPv6 addresses become IPv4.</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length == 0 || !IPAddress.TryParse(text, out IPAddress? address))
        {
            return false;
        }

        // IPAddress.TryParse accepts "10" as 0.0.0.10; AWS values are dotted quads, so insist on them.
        if (address.AddressFamily == AddressFamily.InterNetwork && text.Count('.') != 3)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        bytes = address.GetAddressBytes();
        return true;
    }

    public static bool TryParseBase64(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, bytes, out int written))
        {
            Array.Resize(ref bytes, written);
            return true;
        }

        bytes = null;
        return false;
    }

    private static bool IsEpoch(string text)
    {
        int start = text[0] == '-' ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}
