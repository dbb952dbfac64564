using System.Globalization;
using System.Text;

namespace TrailSift.Core.Query.Jq.Values;

/// <summary>Number text exactly as jq 1.7.1 prints it: literals in decNumber's scientific form, doubles in shortest form.</summary>
internal static class JqNumberText
{
    /// <summary>The text jq prints for a number value.</summary>
    public static string Format(JqNumber n) => n.Literal ?? FormatDouble(n.Value);

    /// <summary>jq 1.7.1's double format: shortest round-trip digits, exponent when the point is far away.</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "null";
        }

        if (double.IsInfinity(d))
        {
            d = d > 0 ? double.MaxValue : -double.MaxValue;
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0" : "0";
        }

        if (Math.Abs(d) < 1e15 && d == Math.Floor(d))
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        string r = d.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }

        int e = 0;
        int ei = r.IndexOfAny(['E', 'e']);
        if (ei >= 0)
        {
            e = int.Parse(r.AsSpan(ei + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ei];
        }

        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r;
        string fracPart = dot >= 0 ? r[(dot + 1)..] : string.Empty;
        string digits = intPart + fracPart;
        int decpt = intPart.Length + e;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..];
        decpt -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }

        if (decpt <= -4 || decpt > digits.Length + 15)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            int x = decpt - 1;
            sb.Append('e').Append(x < 0 ? '-' : '+');
            int ax = Math.Abs(x);
            if (ax < 10)
            {
                sb.Append('0');
            }

            sb.Append(ax.ToString(CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }

        return sb.ToString();
    }

    /// <summary>decNumber's to-scientific-string of a JSON/program number literal.</summary>
    public static string CanonicalLiteral(ReadOnlySpan<char> text)
    {
        Decompose(text, out bool negative, out string coefficient, out long exponent);
        var sb = new StringBuilder(text.Length + 4);
        if (negative)
        {
            sb.Append('-');
        }

        long adjusted = exponent + coefficient.Length - 1;
        if (exponent <= 0 && adjusted >= -6)
        {
            if (exponent == 0)
            {
                sb.Append(coefficient);
            }
            else
            {
                long point = coefficient.Length + exponent;
                if (point > 0)
                {
                    sb.Append(coefficient, 0, (int)point).Append('.').Append(coefficient, (int)point, coefficient.Length - (int)point);
                }
                else
                {
                    sb.Append("0.").Append('0', (int)-point).Append(coefficient);
                }
            }
        }
        else
        {
            sb.Append(coefficient[0]);
            if (coefficient.Length > 1)
            {
                sb.Append('.').Append(coefficient, 1, coefficient.Length - 1);
            }

            sb.Append('E').Append(adjusted < 0 ? '-' : '+').Append(Math.Abs(adjusted).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Compares two literal numbers exactly (decimal), or returns null when either is not a literal.</summary>
    public static int? CompareLiterals(JqNumber a, JqNumber b)
    {
        if (a.Literal is null || b.Literal is null)
        {
            return null;
        }

        Decompose(a.Literal, out bool an, out string ac, out long ae);
        Decompose(b.Literal, out bool bn, out string bc, out long be);
        bool az = ac == "0";
        bool bz = bc == "0";
        if (az || bz)
        {
            int sa = az ? 0 : an ? -1 : 1;
            int sb = bz ? 0 : bn ? -1 : 1;
            return sa.CompareTo(sb);
        }

        if (an != bn)
        {
            return an ? -1 : 1;
        }

        int mag;
        long aa = ae + ac.Length - 1;
        long ba = be + bc.Length - 1;
        if (aa != ba)
        {
            mag = aa.CompareTo(ba);
        }
        else
        {
            int len = Math.Max(ac.Length, bc.Length);
            mag = string.CompareOrdinal(ac.PadRight(len, '0'), bc.PadRight(len, '0'));
            mag = Math.Sign(mag);
        }

        return an ? -mag : mag;
    }

    private static void Decompose(ReadOnlySpan<char> text, out bool negative, out string coefficient, out long exponent)
    {
        int i = 0;
        negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = new StringBuilder(text.Length);
        long fraction = 0;
        bool inFraction = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.')
            {
                inFraction = true;
            }
            else if (c is >= '0' and <= '9')
            {
                digits.Append(c);
                if (inFraction)
                {
                    fraction++;
                }
            }
            else
            {
                break;
            }
        }

        long exp = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            bool en = false;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                en = text[i] == '-';
                i++;
            }

            for (; i < text.Length && text[i] is >= '0' and <= '9'; i++)
            {
                exp = Math.Min(exp * 10 + (text[i] - '0'), 1_000_000_000_000L);
            }

            if (en)
            {
                exp = -exp;
            }
        }

        string c2 = digits.ToString().TrimStart('0');
        coefficient = c2.Length == 0 ? "0" : c2;
        exponent = exp - fraction;
    }
}
