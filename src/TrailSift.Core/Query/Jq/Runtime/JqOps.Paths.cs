using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>getpath, setpath, delpaths (jv_getpath, jv_setpath, jv_delpaths).</summary>
internal static partial class JqOps
{
    private const int MaxArrayIndex = 536870912;

    public static JqValue GetPath(JqValue t, JqValue path)
    {
        if (path is not JqArray p)
        {
            throw new JqRuntimeException("Path must be specified as an array");
        }

        foreach (JqValue key in p.Items)
        {
            if (t.Kind == JqKind.Null)
            {
                return JqValue.Null;
            }

            t = Index(t, key);
        }

        return t;
    }

    public static JqValue SetPath(JqValue t, JqValue path, JqValue v)
    {
        if (path is not JqArray p)
        {
            throw new JqRuntimeException("Path must be specified as an array");
        }

        return SetPath(t, p, 0, v);
    }

    private static JqValue SetPath(JqValue t, JqArray p, int i, JqValue v)
    {
        if (i == p.Count)
        {
            return v;
        }

        JqValue key = p[i];
        JqValue child = Index(t, key);
        return Set(t, key, SetPath(child, p, i + 1, v));
    }

    public static JqValue Set(JqValue t, JqValue key, JqValue v)
    {
        switch (t)
        {
            case JqObject o when key is JqString s:
                return o.With(s.Value, v);
            case { Kind: JqKind.Null } when key is JqString s:
                return JqObject.Empty.With(s.Value, v);
            case JqArray or { Kind: JqKind.Null } when key is JqNumber n:
                {
                    JqValue[] items = t is JqArray a ? a.CopyItems() : [];
                    long idx = ToIndex(n.Value);
                    if (idx < 0)
                    {
                        idx += items.Length;
                        if (idx < 0)
                        {
                            throw new JqRuntimeException("Out of bounds negative array index");
                        }
                    }

                    if (idx >= MaxArrayIndex)
                    {
                        throw new JqRuntimeException("Array index too large");
                    }

                    if (idx >= items.Length)
                    {
                        JqContext.Reserve((idx + 1) * IntPtr.Size);
                        int old = items.Length;
                        Array.Resize(ref items, (int)idx + 1);
                        for (int j = old; j < items.Length; j++)
                        {
                            items[j] = JqValue.Null;
                        }
                    }

                    items[idx] = v;
                    return new JqArray(items);
                }

            case JqArray or { Kind: JqKind.Null } when key is JqObject so:
                {
                    if (v is not JqArray va)
                    {
                        throw new JqRuntimeException("A slice of an array can only be assigned another array");
                    }

                    JqArray a = t as JqArray ?? JqArray.Empty;
                    SliceBounds(a.Count, so.Get("start"), so.Get("end"), out int s, out int e);
                    var items = new List<JqValue>(a.Count - (e - s) + va.Count);
                    items.AddRange(a.Items[..s].ToArray());
                    items.AddRange(va.Items.ToArray());
                    items.AddRange(a.Items[e..].ToArray());
                    return new JqArray(items);
                }

            case JqString when key is JqObject:
                throw new JqRuntimeException("Cannot update string slices");
        }

        if (key is JqString ks)
        {
            throw new JqRuntimeException($"Cannot index {t.TypeName} with string {JqJsonWriter.ToJson(ks)}");
        }

        throw new JqRuntimeException($"Cannot index {t.TypeName} with {key.TypeName}");
    }

    public static JqValue DelPaths(JqValue t, JqValue paths)
    {
        if (paths is not JqArray ps)
        {
            throw new JqRuntimeException("Paths must be specified as an array");
        }

        JqValue[] sorted = ps.Items.ToArray();
        Array.Sort(sorted, JqOrder.Compare);
        JqValue original = t;
        for (int i = sorted.Length - 1; i >= 0; i--)
        {
            if (sorted[i] is not JqArray p)
            {
                throw new JqRuntimeException("Path must be specified as an array");
            }

            t = DelPath(t, p, 0);
        }

        // jq's jv_delpaths returns its input itself only for no paths; with paths it unshares the container even when
        // nothing is deleted, and that identity is visible (path(delpaths([["x"]])) is an invalid path expression).
        return sorted.Length > 0 && ReferenceEquals(t, original) ? Unshared(t) : t;
    }

    private static JqValue Unshared(JqValue t) => t switch
    {
        JqObject o => new JqObject(o.Keys.ToArray(), o.Values.ToArray(), o.Count),
        JqArray a => new JqArray(a.Items.ToArray()),
        _ => t,
    };

    private static JqValue DelPath(JqValue t, JqArray p, int i)
    {
        if (p.Count == 0)
        {
            return JqValue.Null;
        }

        JqValue key = p[i];
        if (i == p.Count - 1)
        {
            return Delete(t, key);
        }

        JqValue child = Index(t, key);
        if (child.Kind == JqKind.Null)
        {
            return t;
        }

        return Set(t, key, DelPath(child, p, i + 1));
    }

    private static JqValue Delete(JqValue t, JqValue key)
    {
        switch (t)
        {
            case { Kind: JqKind.Null }:
                return t;
            case JqObject o when key is JqString s:
                return o.Without(s.Value);
            case JqArray a when key is JqNumber n:
                {
                    long idx = ToIndex(n.Value);
                    if (idx < 0)
                    {
                        idx += a.Count;
                        if (idx < 0)
                        {
                            return a; // jq's jv_dels ignores a negative index before the start
                        }
                    }

                    if (idx >= a.Count)
                    {
                        return a;
                    }

                    var items = new JqValue[a.Count - 1];
                    a.Items[..(int)idx].CopyTo(items);
                    a.Items[((int)idx + 1)..].CopyTo(items.AsSpan((int)idx));
                    return new JqArray(items);
                }

            case JqArray a when key is JqObject so:
                {
                    SliceBounds(a.Count, so.Get("start"), so.Get("end"), out int s, out int e);
                    var items = new List<JqValue>(a.Count);
                    items.AddRange(a.Items[..s].ToArray());
                    items.AddRange(a.Items[e..].ToArray());
                    return new JqArray(items);
                }
        }

        // jq's jv_dels messages.
        throw new JqRuntimeException(t switch
        {
            JqArray => $"Cannot delete {key.TypeName} element of array",
            JqObject => $"Cannot delete {key.TypeName} field of object",
            _ => $"Cannot delete fields from {t.TypeName}",
        });
    }
}
