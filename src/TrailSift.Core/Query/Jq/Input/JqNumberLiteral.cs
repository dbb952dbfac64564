using System.Text;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Input;

/// <summary>
/// A number token of JSON input as jq 1.7.1 reads it (decNumber's string syntax): an optional sign, digits with at most
/// one point (<c>01</c>, <c>.5</c>, <c>1.</c>, <c>+1</c> are numbers), an optional exponent; <c>Infinity</c>/<c>inf</c>
/// (any case, the largest double), and <c>NaN</c>/<c>sNaN</c> with optional payload digits (NaN, printed null).
/// </summary>
internal static class JqNumberLiteral
{
    /// <summary>The number, or null when the token is not one. jq reads the token as a C string: it ends at a NUL byte.</summary>
    public static JqNumber? Parse(ReadOnlySpan<byte> token)
    {
        int nul = token.IndexOf((byte)0);
        if (nul >= 0)
        {
            token = token[..nul];
        }

        int i = 0;
        bool negative = false;
        if (i < token.Length && token[i] is (byte)'+' or (byte)'-')
        {
            negative = token[i] == '-';
            i++;
        }

        ReadOnlySpan<byte> body = token[i..];
        if (body.Length > 0 && !char.IsAsciiDigit((char)body[0]) && body[0] != '.')
        {
            return Special(body, negative);
        }

        int digits = 0;
        bool point = false;
        int j = 0;
        for (; j < body.Length; j++)
        {
            byte b = body[j];
            if (char.IsAsciiDigit((char)b))
            {
                digits++;
            }
            else if (b == '.' && !point)
            {
                point = true;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return null;
        }

        if (j < body.Length)
        {
            if (body[j] is not ((byte)'e' or (byte)'E'))
            {
                return null;
            }

            j++;
            if (j < body.Length && body[j] is (byte)'+' or (byte)'-')
            {
                j++;
            }

            int expDigits = 0;
            for (; j < body.Length && char.IsAsciiDigit((char)body[j]); j++)
            {
                expDigits++;
            }

            if (expDigits == 0 || j < body.Length)
            {
                return null;
            }
        }

        return JqJsonReader.ReadNumber(token);
    }

    private static JqNumber? Special(ReadOnlySpan<byte> body, bool negative)
    {
        if (body.Length is 3 or 8 && (Ascii.EqualsIgnoreCase(body, "inf"u8) || Ascii.EqualsIgnoreCase(body, "infinity"u8)))
        {
            return new JqNumber(negative ? -double.MaxValue : double.MaxValue);
        }

        int start = body.Length > 0 && (body[0] | 0x20) == 's' ? 1 : 0;
        if (body.Length - start >= 3 && Ascii.EqualsIgnoreCase(body.Slice(start, 3), "nan"u8))
        {
            foreach (byte b in body[(start + 3)..])
            {
                if (!char.IsAsciiDigit((char)b))
                {
                    return null;
                }
            }

            return JqNumber.Of(double.NaN);
        }

        return null;
    }
}
