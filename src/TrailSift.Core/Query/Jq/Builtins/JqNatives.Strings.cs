using System.Text;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>String builtins.</summary>
internal static partial class JqNatives
{
    private static void AddStrings(Action<JqNative> add)
    {
        add(new ValueNative("explode", 0, (v, _) => v is JqString s
            ? new JqArray(JqOps.Codepoints(s.Value).Select(c => (JqValue)JqNumber.Of(c)).ToArray())
            : throw new JqRuntimeException("explode input must be a string")));
        add(new ValueNative("implode", 0, (v, _) => Implode(v)));
        add(new ValueNative("ascii_downcase", 0, (v, _) => v is JqString s ? new JqString(AsciiCase(s.Value, false)) : throw new JqRuntimeException("explode input must be a string")));
        add(new ValueNative("ascii_upcase", 0, (v, _) => v is JqString s ? new JqString(AsciiCase(s.Value, true)) : throw new JqRuntimeException("explode input must be a string")));
        add(new ValueNative("startswith", 1, (v, a) => v is JqString s && a[0] is JqString p
            ? JqValue.FromBool(s.Value.StartsWith(p.Value, StringComparison.Ordinal))
            : throw new JqRuntimeException("startswith() requires string inputs")));
        add(new ValueNative("endswith", 1, (v, a) => v is JqString s && a[0] is JqString p
            ? JqValue.FromBool(s.Value.EndsWith(p.Value, StringComparison.Ordinal))
            : throw new JqRuntimeException("endswith() requires string inputs")));
        // jq 1.7.1's f_ltrimstr / f_rtrimstr (C): the input itself unless both are strings and it has the affix, else a
        // new string; never a path (path(ltrimstr("a")) is an invalid path expression unless the input is returned).
        add(new ValueNative("ltrimstr", 1, (v, a) => v is JqString s && a[0] is JqString p && s.Value.StartsWith(p.Value, StringComparison.Ordinal)
            ? new JqString(s.Value[p.Value.Length..])
            : v));
        add(new ValueNative("rtrimstr", 1, (v, a) => v is JqString s && a[0] is JqString p && s.Value.EndsWith(p.Value, StringComparison.Ordinal)
            ? new JqString(s.Value[..^p.Value.Length])
            : v));
        add(new ValueNative("split", 1, (v, a) => v is JqString s && a[0] is JqString sep
            ? JqOps.Split(s.Value, sep.Value)
            : throw new JqRuntimeException("split input and separator must be strings")));
        add(new ValueNative("format", 1, (v, a) => a[0] is JqString f
            ? f.Value == "text" && v is JqString ? v : new JqString(JqFormats.Apply(f.Value, v))
            : throw new JqRuntimeException($"{a[0].TypeName} ({JqRuntimeException.Trunc(a[0])}) is not a valid format")));
        add(new ValueNative("_strindices", 1, (v, a) => StrIndices(((JqString)v).Value, ((JqString)a[0]).Value)));
    }

    private static string AsciiCase(string s, bool upper)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            sb.Append(upper ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
        }

        return sb.ToString();
    }

    private static JqValue Implode(JqValue v)
    {
        if (v is not JqArray a)
        {
            throw new JqRuntimeException("implode input must be an array");
        }

        var sb = new StringBuilder(a.Count);
        foreach (JqValue x in a.Items)
        {
            if (x is not JqNumber n)
            {
                throw new JqRuntimeException($"{x.TypeName} ({JqRuntimeException.Trunc(x)}) can't be imploded, unicode codepoint needs to be numeric");
            }

            int cp = (int)n.Value;
            if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                cp = 0xFFFD;
            }

            sb.Append(char.ConvertFromUtf32(cp));
        }

        return new JqString(sb.ToString());
    }

    private static JqValue StrIndices(string s, string sub)
    {
        var res = new List<JqValue>();
        if (sub.Length == 0)
        {
            return JqArray.Empty;
        }

        int cpIndex = 0;
        int last = 0;
        for (int i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + 1, StringComparison.Ordinal))
        {
            cpIndex += CountCodepoints(s, last, i);
            last = i;
            res.Add(JqNumber.Of(cpIndex));
        }

        return new JqArray(res);
    }

    private static int CountCodepoints(string s, int from, int to)
    {
        int n = 0;
        for (int i = from; i < to; i++)
        {
            if (!(char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1])))
            {
                n++;
            }
        }

        return n;
    }
}
