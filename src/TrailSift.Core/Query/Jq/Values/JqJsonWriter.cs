using System.Text;

namespace TrailSift.Core.Query.Jq.Values;

/// <summary>Prints values exactly as jq 1.7.1 does (indentation, escapes, number forms, colours).</summary>
public static class JqJsonWriter
{
    private const string Esc = "\u001b[";
    private const string Reset = "\u001b[0m";

    /// <summary>Compact JSON text (<c>tojson</c>).</summary>
    public static string ToJson(JqValue v)
    {
        var sb = new StringBuilder();
        Write(sb, v, JqWriteOptions.Compact);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="v"/> printed with <paramref name="options"/>.</summary>
    public static void Write(StringBuilder sb, JqValue v, JqWriteOptions options) => WriteValue(sb, v, options, 0);

    /// <summary>Appends <paramref name="v"/> as printed at nesting <paramref name="level"/> (inside an enclosing container).</summary>
    internal static void Write(StringBuilder sb, JqValue v, JqWriteOptions options, int level) => WriteValue(sb, v, options, level);

    /// <summary>Appends a JSON string literal for <paramref name="s"/>.</summary>
    public static void WriteString(StringBuilder sb, string s, bool ascii)
    {
        sb.Append('"');
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && (c < 0x80 || (!ascii && !char.IsSurrogate(c))))
            {
                continue;
            }

            sb.Append(s, start, i - start);
            start = i + 1;
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            if (ascii)
                            {
                                AppendU(sb, c);
                                AppendU(sb, s[i + 1]);
                            }
                            else
                            {
                                sb.Append(c).Append(s[i + 1]);
                            }

                            i++;
                            start = i + 1;
                        }
                        else if (ascii)
                        {
                            AppendU(sb, '\uFFFD');
                        }
                        else
                        {
                            sb.Append('\uFFFD');
                        }
                    }
                    else
                    {
                        AppendU(sb, c);
                    }

                    break;
            }
        }

        sb.Append(s, start, s.Length - start);
        sb.Append('"');
    }

    private static void AppendU(StringBuilder sb, char c) => sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));

    private static void WriteValue(StringBuilder sb, JqValue v, JqWriteOptions o, int level)
    {
        string? color = o.Colors is { } cs ? Esc + cs[ColorIndex(v.Kind)] + "m" : null;
        if (color is not null)
        {
            sb.Append(color);
        }

        switch (v)
        {
            case JqNumber n:
                sb.Append(JqNumberText.Format(n));
                break;
            case JqString s:
                WriteString(sb, s.Value, o.Ascii);
                break;
            case JqArray a:
                WriteArray(sb, a, o, level, color);
                break;
            case JqObject obj:
                WriteObject(sb, obj, o, level, color);
                break;
            default:
                sb.Append(v.Kind switch { JqKind.Null => "null", JqKind.True => "true", _ => "false" });
                break;
        }

        if (color is not null)
        {
            sb.Append(Reset);
        }
    }

    private static int ColorIndex(JqKind k) => (int)k;

    private static bool Pretty(JqWriteOptions o) => o.Indent > 0 || o.UseTab;

    private static void Indent(StringBuilder sb, JqWriteOptions o, int level)
    {
        if (o.UseTab)
        {
            sb.Append('\t', level);
        }
        else
        {
            sb.Append(' ', level * o.Indent);
        }
    }

    private static void WriteArray(StringBuilder sb, JqArray a, JqWriteOptions o, int level, string? color)
    {
        if (a.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append('[');
        for (int i = 0; i < a.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            if (Pretty(o))
            {
                sb.Append('\n');
                Indent(sb, o, level + 1);
            }

            WriteValue(sb, a[i], o, level + 1);
            sb.Append(color);
        }

        if (Pretty(o))
        {
            sb.Append('\n');
            Indent(sb, o, level);
        }

        sb.Append(color).Append(']');
    }

    private static void WriteObject(StringBuilder sb, JqObject obj, JqWriteOptions o, int level, string? color)
    {
        if (obj.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append('{');
        if (Pretty(o))
        {
            sb.Append('\n');
            Indent(sb, o, level + 1);
        }

        IEnumerable<int> order = Enumerable.Range(0, obj.Count);
        if (o.SortKeys)
        {
            string[] keys = obj.Keys.ToArray();
            order = order.OrderBy(i => keys[i], Comparer<string>.Create(JqOrder.CompareStrings));
        }

        bool first = true;
        foreach (int i in order)
        {
            if (!first)
            {
                sb.Append(',');
                if (Pretty(o))
                {
                    sb.Append('\n');
                    Indent(sb, o, level + 1);
                }
            }

            first = false;
            if (color is not null)
            {
                sb.Append(Reset).Append(Esc).Append(o.Colors![7]).Append('m');
            }

            WriteString(sb, obj.Keys[i], o.Ascii);
            if (color is not null)
            {
                sb.Append(Reset).Append(color);
            }

            sb.Append(':');
            if (Pretty(o))
            {
                sb.Append(' ');
            }

            if (color is not null)
            {
                sb.Append(Reset);
            }

            WriteValue(sb, obj.Values[i], o, level + 1);
            sb.Append(color);
        }

        if (Pretty(o))
        {
            sb.Append('\n');
            Indent(sb, o, level);
        }

        sb.Append(color).Append('}');
    }
}
