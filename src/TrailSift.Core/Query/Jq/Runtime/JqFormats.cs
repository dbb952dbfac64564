using System.Text;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>jq's <c>@format</c> string formats.</summary>
internal static class JqFormats
{
    public static readonly string[] Names = ["text", "json", "html", "uri", "csv", "tsv", "sh", "base64", "base64d"];

    public static string Apply(string format, JqValue v) => format switch
    {
        "text" => JqOps.ToStringValue(v),
        "json" => JqJsonWriter.ToJson(v),
        "html" => Html(JqOps.ToStringValue(v)),
        "uri" => Uri(JqOps.ToStringValue(v)),
        "csv" => Row(v, "csv", ","),
        "tsv" => Row(v, "tsv", "\t"),
        "sh" => Shell(v),
        "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(JqOps.ToStringValue(v))),
        "base64d" => Base64Decode(v),
        _ => throw new JqRuntimeException($"{format} is not a valid format"),
    };

    private static string Html(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\'' => "&apos;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Uri(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Row(JqValue v, string kind, string sep)
    {
        if (v is not JqArray a)
        {
            throw JqRuntimeException.TypeError(v, $"cannot be {kind}-formatted, only array");
        }

        var sb = new StringBuilder();
        for (int i = 0; i < a.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(sep);
            }

            JqValue x = a[i];
            switch (x)
            {
                case JqNumber n:
                    sb.Append(JqNumberText.Format(n));
                    break;
                case JqString s when kind == "csv":
                    sb.Append('"').Append(s.Value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                    break;
                case JqString s:
                    sb.Append(s.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
                        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal));
                    break;
                case { Kind: JqKind.True }:
                    sb.Append("true");
                    break;
                case { Kind: JqKind.False }:
                    sb.Append("false");
                    break;
                case { Kind: JqKind.Null }:
                    break;
                default:
                    throw JqRuntimeException.TypeError(x, "is not valid in a csv row");
            }
        }

        return sb.ToString();
    }

    private static string Shell(JqValue v)
    {
        IEnumerable<JqValue> items = v is JqArray a ? a.Items.ToArray() : [v];
        var sb = new StringBuilder();
        bool first = true;
        foreach (JqValue x in items)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            first = false;
            switch (x)
            {
                case JqString s:
                    sb.Append('\'').Append(s.Value.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
                    break;
                case JqArray or JqObject:
                    throw JqRuntimeException.TypeError(x, "can not be escaped for shell");
                default:
                    sb.Append(JqJsonWriter.ToJson(x));
                    break;
            }
        }

        return sb.ToString();
    }

    private static string Base64Decode(JqValue v)
    {
        string s = JqOps.ToStringValue(v);
        var bytes = new List<byte>(s.Length);
        int acc = 0;
        int bits = 0;
        int valid = 0;
        foreach (char c in s)
        {
            int d = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '+' => 62,
                '/' => 63,
                _ => -1,
            };
            if (d < 0)
            {
                if (c == '=')
                {
                    break;
                }

                throw JqRuntimeException.TypeError(new JqString(s), "is not valid base64 data");
            }

            valid++;
            acc = (acc << 6) | d;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(acc >> bits));
                acc &= (1 << bits) - 1;
            }
        }

        if (valid % 4 == 1)
        {
            throw JqRuntimeException.TypeError(new JqString(s), "trailing base64 byte found");
        }

        return Support.JqUtf8.Decode(bytes.ToArray()); // jq's repair of invalid UTF-8
    }
}
