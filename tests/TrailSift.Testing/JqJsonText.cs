using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TrailSift.Testing;

/// <summary>
/// Writes JSON exactly as jq 1.7.1 does with <c>-c</c> for the values tests build by hand (strings escaped as jq
/// escapes them: <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, other controls and DEL as <c>\u00XX</c>, everything
/// else raw), so that test outputs compare byte for byte with the oracle's.
/// </summary>
public static class JqJsonText
{
    /// <summary>A JSON string literal as jq prints it.</summary>
    public static string String(string? s)
    {
        if (s is null)
        {
            return "null";
        }

        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>An integer as jq prints it.</summary>
    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Re-prints compact JSON text (from System.Text.Json or the oracle) in jq's compact form, keys in order.</summary>
    public static string Compact(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var sb = new StringBuilder();
        Write(sb, doc.RootElement);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                bool first = true;
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    sb.Append(String(p.Name)).Append(':');
                    Write(sb, p.Value);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                int i = 0;
                foreach (JsonElement item in e.EnumerateArray())
                {
                    if (i++ > 0)
                    {
                        sb.Append(',');
                    }

                    Write(sb, item);
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                sb.Append(String(e.GetString()));
                break;
            default:
                sb.Append(e.GetRawText());
                break;
        }
    }
}
