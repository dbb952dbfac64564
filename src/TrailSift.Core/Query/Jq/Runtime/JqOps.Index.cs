using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>Value operations with jq's exact semantics and error messages.</summary>
internal static partial class JqOps
{
    public static JqValue Index(JqValue t, JqValue k)
    {
        switch (t)
        {
            case JqObject o when k is JqString s:
                return o.Get(s.Value);
            case JqArray a when k is JqNumber n:
                {
                    if (double.IsNaN(n.Value))
                    {
                        return JqValue.Null;
                    }

                    long i = ToIndex(n.Value);
                    if (i < 0)
                    {
                        i += a.Count;
                    }

                    return i >= 0 && i < a.Count ? a[(int)i] : JqValue.Null;
                }

            case JqArray a when k is JqArray idx:
                return Indices(a, idx);
            case JqArray or JqString when k is JqObject so:
                return SliceObject(t, so);
            case { Kind: JqKind.Null } when k.Kind is JqKind.String or JqKind.Number or JqKind.Object or JqKind.Null:
                return JqValue.Null;
        }

        if (k is JqString ks)
        {
            throw new JqRuntimeException($"Cannot index {t.TypeName} with string {JqJsonWriter.ToJson(ks)}");
        }

        throw new JqRuntimeException($"Cannot index {t.TypeName} with {k.TypeName}");
    }

    public static long ToIndex(double d) => d >= long.MaxValue ? long.MaxValue / 2 : d <= long.MinValue ? long.MinValue / 2 : (long)d;

    private static JqValue SliceObject(JqValue t, JqObject so)
    {
        if (!so.TryGetValue("start", out JqValue start) || !so.TryGetValue("end", out JqValue end))
        {
            throw new JqRuntimeException("Array/string slice indices must be integers"); // jq 1.7.1 (jq-wasm); jq 1.6: "Start and end indices of an array slice must be numbers"
        }

        return Slice(t, start, end);
    }

    public static JqValue Slice(JqValue t, JqValue from, JqValue to)
    {
        if (t.Kind == JqKind.Null)
        {
            return JqValue.Null;
        }

        if ((from.Kind != JqKind.Null && from.Kind != JqKind.Number) || (to.Kind != JqKind.Null && to.Kind != JqKind.Number))
        {
            if (t is JqArray or JqString)
            {
                throw new JqRuntimeException("Array/string slice indices must be integers");
            }
        }

        switch (t)
        {
            case JqArray a:
                {
                    SliceBounds(a.Count, from, to, out int s, out int e);
                    return new JqArray(a.Items[s..e].ToArray());
                }

            case JqString str:
                {
                    int[] cps = Codepoints(str.Value);
                    SliceBounds(cps.Length, from, to, out int s, out int e);
                    var sb = new System.Text.StringBuilder(e - s);
                    for (int i = s; i < e; i++)
                    {
                        sb.Append(char.ConvertFromUtf32(cps[i]));
                    }

                    return new JqString(sb.ToString());
                }

            default:
                throw new JqRuntimeException($"Cannot index {t.TypeName} with object");
        }
    }

    public static void SliceBounds(int len, JqValue from, JqValue to, out int start, out int end)
    {
        double ds = from is JqNumber fn ? fn.Value : 0;
        double de = to is JqNumber tn ? tn.Value : len;
        if (ds < 0)
        {
            ds += len;
        }

        if (de < 0)
        {
            de += len;
        }

        if (ds < 0)
        {
            ds = 0;
        }

        if (ds > len)
        {
            ds = len;
        }

        if (de > len)
        {
            de = len;
        }

        if (de < ds)
        {
            de = ds;
        }

        start = (int)ds;
        end = (int)de;
        if (end < de)
        {
            end++;
        }

        if (end > len)
        {
            end = len;
        }
    }

    public static int[] Codepoints(string s)
    {
        var list = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(char.ConvertToUtf32(c, s[i + 1]));
                i++;
            }
            else
            {
                list.Add(char.IsSurrogate(c) ? 0xFFFD : c);
            }
        }

        return list.ToArray();
    }

    public static JqValue Indices(JqArray a, JqArray sub)
    {
        var res = new List<JqValue>();
        if (sub.Count == 0)
        {
            return JqValue.Null;
        }

        for (int i = 0; i + sub.Count <= a.Count; i++)
        {
            bool match = true;
            for (int j = 0; j < sub.Count; j++)
            {
                if (!a[i + j].Equals(sub[j]))
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                res.Add(JqNumber.Of(i));
            }
        }

        return new JqArray(res);
    }

    public static bool Iterate(JqValue t, JqEmit k)
    {
        switch (t)
        {
            case JqArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (!k(a[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JqObject o:
                for (int i = 0; i < o.Count; i++)
                {
                    if (!k(o.Values[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                throw new JqRuntimeException($"Cannot iterate over {t.TypeName} ({JqRuntimeException.Trunc(t)})");
        }
    }

    public static JqValue Length(JqValue v) => v switch
    {
        { Kind: JqKind.Null } => JqNumber.Of(0),
        JqNumber n => n.Value < 0 ? JqNumber.Of(-n.Value) : (n.Literal is null ? n : JqNumber.Of(n.Value)),
        JqString s => JqNumber.Of(s.CodepointLength),
        JqArray a => JqNumber.Of(a.Count),
        JqObject o => JqNumber.Of(o.Count),
        _ => throw JqRuntimeException.TypeError(v, "has no length"),
    };

    public static JqValue Keys(JqValue v, bool sorted)
    {
        switch (v)
        {
            case JqObject o:
                {
                    string[] keys = sorted ? JqOrder.SortedKeys(o) : o.Keys.ToArray();
                    var items = new JqValue[keys.Length];
                    for (int i = 0; i < keys.Length; i++)
                    {
                        items[i] = new JqString(keys[i]);
                    }

                    return new JqArray(items);
                }

            case JqArray a:
                {
                    var items = new JqValue[a.Count];
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = JqNumber.Of(i);
                    }

                    return new JqArray(items);
                }

            default:
                throw JqRuntimeException.TypeError(v, "has no keys");
        }
    }

    public static bool Has(JqValue v, JqValue k) => (v, k) switch
    {
        (JqObject o, JqString s) => o.TryGetValue(s.Value, out _),
        (JqArray a, JqNumber n) => n.Value >= 0 && n.Value < a.Count,
        _ => throw new JqRuntimeException($"Cannot check whether {v.TypeName} has a {k.TypeName} key"),
    };

    public static string ToStringValue(JqValue v) => v is JqString s ? s.Value : JqJsonWriter.ToJson(v);
}
