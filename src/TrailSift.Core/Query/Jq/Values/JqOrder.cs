namespace TrailSift.Core.Query.Jq.Values;

/// <summary>jq's total order on values (jv_cmp) and a hash consistent with it.</summary>
internal static class JqOrder
{
    public static int Compare(JqValue a, JqValue b)
    {
        if (ReferenceEquals(a, b) && a is not JqNumber)
        {
            return 0;
        }

        JqKind ka = a.Kind;
        JqKind kb = b.Kind;
        if (ka != kb)
        {
            return ka < kb ? -1 : 1;
        }

        switch (ka)
        {
            case JqKind.Number:
                return CompareNumbers((JqNumber)a, (JqNumber)b);
            case JqKind.String:
                return CompareStrings(((JqString)a).Value, ((JqString)b).Value);
            case JqKind.Array:
                {
                    ReadOnlySpan<JqValue> x = ((JqArray)a).Items;
                    ReadOnlySpan<JqValue> y = ((JqArray)b).Items;
                    for (int i = 0; i < x.Length && i < y.Length; i++)
                    {
                        int c = Compare(x[i], y[i]);
                        if (c != 0)
                        {
                            return c;
                        }
                    }

                    return x.Length.CompareTo(y.Length);
                }

            case JqKind.Object:
                return CompareObjects((JqObject)a, (JqObject)b);
            default:
                return 0;
        }
    }

    public static int CompareNumbers(JqNumber a, JqNumber b)
    {
        double da = a.Value;
        double db = b.Value;
        if (double.IsNaN(da))
        {
            return -1;
        }

        if (double.IsNaN(db))
        {
            return 1;
        }

        if (da != db)
        {
            return da < db ? -1 : 1;
        }

        return JqNumberText.CompareLiterals(a, b) ?? 0;
    }

    /// <summary>Compares by code point (the same order as jq's byte-wise UTF-8 comparison).</summary>
    public static int CompareStrings(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i];
            char y = b[i];
            if (x != y)
            {
                bool xs = char.IsSurrogate(x);
                bool ys = char.IsSurrogate(y);
                if (xs != ys && (x >= 0xE000 || y >= 0xE000))
                {
                    return xs ? 1 : -1;
                }

                return x < y ? -1 : 1;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    public static string[] SortedKeys(JqObject o)
    {
        string[] keys = o.Keys.ToArray();
        Array.Sort(keys, CompareStrings);
        return keys;
    }

    public static int Hash(JqValue v)
    {
        switch (v.Kind)
        {
            case JqKind.Number:
                return ((JqNumber)v).Value.GetHashCode();
            case JqKind.String:
                return StringComparer.Ordinal.GetHashCode(((JqString)v).Value);
            case JqKind.Array:
                {
                    var h = new HashCode();
                    foreach (JqValue x in ((JqArray)v).Items)
                    {
                        h.Add(Hash(x));
                    }

                    return h.ToHashCode();
                }

            case JqKind.Object:
                {
                    int h = 17;
                    var o = (JqObject)v;
                    for (int i = 0; i < o.Count; i++)
                    {
                        h ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(o.Keys[i]), Hash(o.Values[i]));
                    }

                    return h;
                }

            default:
                return (int)v.Kind;
        }
    }

    private static int CompareObjects(JqObject a, JqObject b)
    {
        string[] ka = SortedKeys(a);
        string[] kb = SortedKeys(b);
        for (int i = 0; i < ka.Length && i < kb.Length; i++)
        {
            int c = CompareStrings(ka[i], kb[i]);
            if (c != 0)
            {
                return c;
            }
        }

        if (ka.Length != kb.Length)
        {
            return ka.Length.CompareTo(kb.Length);
        }

        foreach (string k in ka)
        {
            int c = Compare(a.Get(k), b.Get(k));
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
