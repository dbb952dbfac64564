using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>
/// jq 1.6's value semantics: the total order (<c>jv_cmp</c>), equality, containment
/// (<c>jv_contains</c>), indexing (<c>jv_get</c>) and the small builtins.
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static partial class ValueOps
{
    /// <summary>jq's order: null &lt; false &lt; true &lt; numbers &lt; strings &lt; arrays &lt; objects.</summary>
    public static int Compare(in Value a, in Value b)
    {
        if (a.Kind != b.Kind)
        {
            return a.Kind < b.Kind ? -1 : 1;
        }

        switch (a.Kind)
        {
            case JsonKind.Number:
                {
                    double x = a.AsNumber, y = b.AsNumber;
                    return x < y ? -1 : x == y ? 0 : 1;
                }

            case JsonKind.String:
                {
                    using Utf8Text sa = Utf8Text.Of(a);
                    using Utf8Text sb = Utf8Text.Of(b);
                    return Math.Sign(sa.Span.SequenceCompareTo(sb.Span)); // memcmp, then length: jq's string_cmp
                }

            case JsonKind.Array:
                return CompareArrays(a, b);
            case JsonKind.Object:
                return CompareObjects(a, b);
            default:
                return 0; // null, false, true
        }
    }

    /// <summary>jq's <c>==</c>.</summary>
    public static bool Equal(in Value a, in Value b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        if (a.Kind == JsonKind.String && a.IsNode && !b.IsNode)
        {
            return a.Node.StringEquals(b.ComputedString);
        }

        if (a.Kind == JsonKind.String && b.IsNode && !a.IsNode)
        {
            return b.Node.StringEquals(a.ComputedString);
        }

        return Compare(a, b) == 0;
    }

    private static int CompareArrays(in Value a, in Value b)
    {
        Children ea = new(a), eb = new(b);
        while (true)
        {
            bool moreA = ea.MoveNext(), moreB = eb.MoveNext();
            if (!moreA || !moreB)
            {
                return (moreA ? 1 : 0) - (moreB ? 1 : 0);
            }

            int c = Compare(ea.Current, eb.Current);
            if (c != 0)
            {
                return c;
            }
        }
    }

    // jq compares the sorted key lists first, then the values key by key.
    private static int CompareObjects(in Value a, in Value b)
    {
        List<byte[]> ka = SortedKeys(a), kb = SortedKeys(b);
        for (int i = 0; ; i++)
        {
            if (i >= ka.Count || i >= kb.Count)
            {
                int c = (i < ka.Count ? 1 : 0) - (i < kb.Count ? 1 : 0);
                if (c != 0)
                {
                    return c;
                }

                break;
            }

            int k = Math.Sign(ka[i].AsSpan().SequenceCompareTo(kb[i]));
            if (k != 0)
            {
                return k;
            }
        }

        foreach (byte[] key in ka)
        {
            int c = Compare(a.Property(key), b.Property(key));
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static List<byte[]> SortedKeys(in Value obj)
    {
        List<byte[]> keys = [];
        foreach ((byte[] key, Value _) in Properties(obj))
        {
            keys.Add(key);
        }

        keys.Sort(static (x, y) => x.AsSpan().SequenceCompareTo(y));
        return keys;
    }

    /// <summary>The (decoded name, value) pairs of an object, record-backed or computed.</summary>
    public static List<(byte[] Key, Value Value)> Properties(in Value obj)
    {
        var list = new List<(byte[], Value)>(obj.Count);
        if (obj.ComputedObject is ObjectPayload o)
        {
            for (int i = 0; i < o.Count; i++)
            {
                list.Add((o.Keys[i], o.Values[i]));
            }

            return list;
        }

        foreach (JsonNode.PropertyEnumerator p in obj.Node.EnumerateProperties())
        {
            using Utf8Text name = Utf8Text.Of(Value.FromNode(p.Name));
            list.Add((name.Span.ToArray(), Value.FromNode(p.Value)));
        }

        return list;
    }

    /// <summary><c>contains(b)</c>: an error unless both have the same kind (true and false differ, as in jq).</summary>
    public static Value Contains(in Value a, in Value b)
    {
        if (a.Kind != b.Kind)
        {
            return Value.Error($"{a.TypeName} and {b.TypeName} cannot have their containment checked");
        }

        return Value.Bool(ContainsSameKind(a, b));
    }

    private static bool ContainsRecursive(in Value a, in Value b) => a.Kind == b.Kind && ContainsSameKind(a, b);

    private static bool ContainsSameKind(in Value a, in Value b)
    {
        switch (a.Kind)
        {
            case JsonKind.Object:
                foreach ((byte[] key, Value bv) in Properties(b))
                {
                    if (!a.HasProperty(key) || !ContainsRecursive(a.Property(key), bv))
                    {
                        return false; // a missing key is never contained, even against null
                    }
                }

                return true;
            case JsonKind.Array:
                foreach (Value bv in new Children(b))
                {
                    bool found = false;
                    foreach (Value av in new Children(a))
                    {
                        if (ContainsRecursive(av, bv))
                        {
                            found = true;
                            break;
                        }
                    }

                    if (!found)
                    {
                        return false;
                    }
                }

                return true;
            case JsonKind.String:
                {
                    using Utf8Text sa = Utf8Text.Of(a);
                    using Utf8Text sb = Utf8Text.Of(b);
                    return Substring(sa.Span, sb.Span);
                }

            default:
                return Equal(a, b);
        }
    }

    /// <summary>jq 1.7.1 uses <c>memmem</c>: a NUL character is an ordinary character (jq 1.6's <c>strstr</c> stopped at it).</summary>
    public static bool Substring(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle) >= 0;

    /// <summary><c>t[k]</c> for one key, as jq's <c>jv_get</c>.</summary>
    public static Value Index(in Value t, in Value k)
    {
        if (t.Kind == JsonKind.Object && k.Kind == JsonKind.String)
        {
            using Utf8Text name = Utf8Text.Of(k);
            return t.Property(name.Span);
        }

        if (t.Kind == JsonKind.Array && k.Kind == JsonKind.Number)
        {
            double d = k.AsNumber;
            return d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue ? t.ElementAt((int)d) : Value.Null;
        }

        if (t.Kind == JsonKind.Null && k.Kind is JsonKind.String or JsonKind.Number)
        {
            return Value.Null;
        }

        return Value.Error($"Cannot index {t.TypeName} with {k.TypeName}");
    }
}
