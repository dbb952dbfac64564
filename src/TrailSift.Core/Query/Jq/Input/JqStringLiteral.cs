using System.Text;

namespace TrailSift.Core.Query.Jq.Input;

/// <summary>The text between the quotes of a JSON string, decoded as jq 1.7.1 decodes it, with jq's error messages.</summary>
internal static class JqStringLiteral
{
    /// <summary>The decoded string, or null with jq's <paramref name="error"/>.</summary>
    public static string? Decode(ReadOnlySpan<byte> raw, out string? error)
    {
        error = null;
        int special = raw.IndexOfAnyInRange((byte)0, (byte)0x1F);
        int escape = raw.IndexOf((byte)'\\');
        if (special < 0 && escape < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        byte[] outBuf = new byte[raw.Length];
        int o = 0;
        int i = 0;
        while (i < raw.Length)
        {
            byte c = raw[i++];
            if (c != '\\')
            {
                if (c < 0x20)
                {
                    error = "Invalid string: control characters from U+0000 through U+001F must be escaped";
                    return null;
                }

                outBuf[o++] = c;
                continue;
            }

            if (i >= raw.Length)
            {
                error = "Expected escape character at end of string";
                return null;
            }

            c = raw[i++];
            switch (c)
            {
                case (byte)'\\' or (byte)'"' or (byte)'/':
                    outBuf[o++] = c;
                    break;
                case (byte)'b': outBuf[o++] = (byte)'\b'; break;
                case (byte)'f': outBuf[o++] = (byte)'\f'; break;
                case (byte)'t': outBuf[o++] = (byte)'\t'; break;
                case (byte)'n': outBuf[o++] = (byte)'\n'; break;
                case (byte)'r': outBuf[o++] = (byte)'\r'; break;
                case (byte)'u':
                    if (i + 4 > raw.Length)
                    {
                        error = "Invalid \\uXXXX escape";
                        return null;
                    }

                    int cp = Hex4(raw.Slice(i, 4));
                    if (cp < 0)
                    {
                        error = "Invalid characters in \\uXXXX escape";
                        return null;
                    }

                    i += 4;
                    if (cp is >= 0xD800 and <= 0xDBFF)
                    {
                        int low = i + 6 <= raw.Length && raw[i] == '\\' && raw[i + 1] == 'u' ? Hex4(raw.Slice(i + 2, 4)) : -1;
                        if (low is < 0xDC00 or > 0xDFFF)
                        {
                            error = "Invalid \\uXXXX\\uXXXX surrogate pair escape";
                            return null;
                        }

                        i += 6;
                        cp = 0x10000 + ((cp - 0xD800) << 10 | (low - 0xDC00));
                    }

                    if (cp is >= 0xDC00 and <= 0xDFFF)
                    {
                        cp = 0xFFFD;
                    }

                    o += new Rune(cp).EncodeToUtf8(outBuf.AsSpan(o));
                    break;
                default:
                    error = "Invalid escape";
                    return null;
            }
        }

        return Encoding.UTF8.GetString(outBuf, 0, o);
    }

    private static int Hex4(ReadOnlySpan<byte> four)
    {
        int v = 0;
        foreach (byte b in four)
        {
            int d = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return -1;
            }

            v = (v << 4) | d;
        }

        return v;
    }
}
