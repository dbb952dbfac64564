using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace TrailSift.Core.Json;

/// <summary>
/// One pass over the bytes of a JSON object that finds its end and checks it is JSON, searching strings for their end
/// with a vectorised <see cref="SearchValues{T}"/> scan, and (when asked) fills its <see cref="RecordIndex"/>. It accepts
/// only a subset of what <see cref="Utf8JsonReader"/> accepts (any doubt, an error, an object cut short or nested too
/// deep: it gives up, and the reader decides): the scan's fast split of records, and the reload of records kept whole.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class PlainObjectScanner
{
    /// <summary>How many levels are scanned: the object itself and up to <c>MaxDepth - 1</c> levels inside it; deeper objects are left to the reader.</summary>
    public const int MaxDepth = 256;

    // Where a string's plain run ends: its closing quote, an escape, or a control character (invalid in JSON).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    /// <summary>
    /// The length of the JSON object at the start of <paramref name="s"/> (whose first byte is its <c>{</c>), when it is wholly there, valid, no deeper than
    /// <see cref="MaxDepth"/> and of the plain forms checked here; otherwise -1. Fills <paramref name="index"/>
    /// (when given) as <see cref="RecordIndex.Append"/> does for the same record; it is incomplete after -1.
    /// </summary>
    public static int Scan(ReadOnlySpan<byte> s, RecordIndex? index = null)
    {
        Span<bool> inObject = stackalloc bool[MaxDepth];
        int depth = 0; // of the innermost open container, the record being 0
        inObject[0] = true;
        int i = 1;
        int from;
        byte c;
        bool escaped;
        index?.Reset();
        index?.Open(JsonKind.Object, 0);

    Open: // just after '{' or '['
        i = SkipWhitespace(s, i);
        if (i >= s.Length)
        {
            return -1;
        }

        if (s[i] == (inObject[depth] ? (byte)'}' : (byte)']'))
        {
            index?.Close(i);
            i++;
            goto Close;
        }

        if (!inObject[depth])
        {
            goto Value;
        }

    Key:
        from = i + 1;
        if (s[i] != '"' || (i = ScanString(s, from, out escaped)) < 0)
        {
            return -1;
        }

        index?.AddName(from, i - 1 - from, escaped);

        i = SkipWhitespace(s, i);
        if (i >= s.Length || s[i] != ':')
        {
            return -1;
        }

        i = SkipWhitespace(s, i + 1);
        if (i >= s.Length)
        {
            return -1;
        }

    Value:
        c = s[i];
        from = i;
        JsonKind kind;
        escaped = false;
        if (c == '"')
        {
            kind = JsonKind.String;
            i = ScanString(s, ++from, out escaped);
        }
        else if (c is (byte)'{' or (byte)'[')
        {
            if (++depth == MaxDepth)
            {
                return -1;
            }

            inObject[depth] = c == '{';
            index?.Open(c == '{' ? JsonKind.Object : JsonKind.Array, i);
            i++;
            goto Open;
        }
        else if (c == '-' || (uint)(c - '0') <= 9)
        {
            kind = JsonKind.Number;
            i = ScanNumber(s, i);
        }
        else
        {
            i = ScanLiteral(s, i, out kind);
        }

        if (i < 0)
        {
            return -1;
        }

        index?.AddScalar(kind, from, (kind == JsonKind.String ? i - 1 : i) - from, escaped);

    After: // after a value
        i = SkipWhitespace(s, i);
        if (i >= s.Length)
        {
            return -1;
        }

        c = s[i];
        if (c == ',')
        {
            i = SkipWhitespace(s, i + 1);
            if (i >= s.Length)
            {
                return -1;
            }

            if (inObject[depth])
            {
                goto Key;
            }

            goto Value;
        }

        if (c != (inObject[depth] ? (byte)'}' : (byte)']'))
        {
            return -1;
        }

        index?.Close(i);
        i++;

    Close: // after a closing bracket
        if (depth == 0)
        {
            return i;
        }

        depth--;
        goto After;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return i;
    }

    // From just after the opening quote to just after the closing one; -1 for a control character, a bad escape or
    // the end of the data.
    private static int ScanString(ReadOnlySpan<byte> s, int i, out bool escaped)
    {
        escaped = false;
        ref byte first = ref MemoryMarshal.GetReference(s);
        while (true)
        {
            if (Vector128.IsHardwareAccelerated && i + Vector128<byte>.Count <= s.Length)
            {
                // Most strings are short: one 16-byte step, inline, finds their end.
                Vector128<byte> v = Vector128.LoadUnsafe(ref first, (nuint)i);
                uint stops = (Vector128.Equals(v, Vector128.Create((byte)'"'))
                    | Vector128.Equals(v, Vector128.Create((byte)'\\'))
                    | Vector128.LessThan(v, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
                if (stops == 0)
                {
                    i += Vector128<byte>.Count;
                    continue;
                }

                i += BitOperations.TrailingZeroCount(stops);
            }
            else
            {
                int k = s[i..].IndexOfAny(StringStops);
                if (k < 0)
                {
                    return -1;
                }

                i += k;
            }

            byte c = s[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c != '\\' || i + 1 >= s.Length)
            {
                return -1;
            }

            escaped = true;

            byte e = s[i + 1];
            if (e == 'u')
            {
                if (i + 5 >= s.Length || !IsHex(s[i + 2]) || !IsHex(s[i + 3]) || !IsHex(s[i + 4]) || !IsHex(s[i + 5]))
                {
                    return -1;
                }

                i += 6;
            }
            else if (e is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                i += 2;
            }
            else
            {
                return -1;
            }
        }
    }

    private static bool IsHex(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 5;

    private static bool IsDigit(ReadOnlySpan<byte> s, int i) => i < s.Length && (uint)(s[i] - '0') <= 9;

    // A number as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; -1 otherwise or when it may go on
    // past the data (what follows is checked as what comes after a value).
    private static int ScanNumber(ReadOnlySpan<byte> s, int i)
    {
        if (s[i] == '-')
        {
            i++;
        }

        if (!IsDigit(s, i))
        {
            return -1;
        }

        if (s[i++] != '0')
        {
            while (IsDigit(s, i))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            if (!IsDigit(s, ++i))
            {
                return -1;
            }

            while (IsDigit(s, i))
            {
                i++;
            }
        }

        if (i < s.Length && (s[i] | 0x20) == 'e')
        {
            i++;
            if (i < s.Length && s[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (!IsDigit(s, i))
            {
                return -1;
            }

            while (IsDigit(s, i))
            {
                i++;
            }
        }

        return i < s.Length ? i : -1;
    }

    private static int ScanLiteral(ReadOnlySpan<byte> s, int i, out JsonKind kind)
    {
        ReadOnlySpan<byte> rest = s[i..];
        (kind, int n) = rest.StartsWith("true"u8) ? (JsonKind.True, 4)
            : rest.StartsWith("false"u8) ? (JsonKind.False, 5)
            : rest.StartsWith("null"u8) ? (JsonKind.Null, 4)
            : (JsonKind.Undefined, 0);
        return n > 0 ? i + n : -1;
    }
}
