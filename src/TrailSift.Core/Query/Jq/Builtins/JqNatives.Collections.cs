using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>Sorting, grouping, min/max and string builtins.</summary>
internal static partial class JqNatives
{
    private static void AddCollections(Action<JqNative> add)
    {
        add(new ValueNative("sort", 0, (v, _) => new JqArray(StableSort(SortInput(v, "sorted"), SortInput(v, "sorted")))));
        add(new ValueNative("_sort_by_impl", 1, (v, a) => new JqArray(StableSort(SortInput(v, "sorted"), KeysFor(v, a[0])))));
        add(new ValueNative("_group_by_impl", 1, (v, a) => GroupBy(SortInput(v, "grouped"), KeysFor(v, a[0]))));
        add(new ValueNative("min", 0, (v, _) => MinMax(MinMaxInput(v), MinMaxInput(v), true)));
        add(new ValueNative("max", 0, (v, _) => MinMax(MinMaxInput(v), MinMaxInput(v), false)));
        add(new ValueNative("_min_by_impl", 1, (v, a) => MinMax(SortInput(v, "iterated over"), KeysFor(v, a[0]), true)));
        add(new ValueNative("_max_by_impl", 1, (v, a) => MinMax(SortInput(v, "iterated over"), KeysFor(v, a[0]), false)));
    }

    private static JqValue[] SortInput(JqValue v, string what) => v is JqArray a
        ? a.Items.ToArray()
        : throw JqRuntimeException.TypeError(v, $"cannot be {what}, as it is not an array");

    // jq's minmax_by(values, keys): type_error2(values, keys, "cannot be iterated over"); min and max pass the input twice.
    private static JqValue[] MinMaxInput(JqValue v) => v is JqArray a
        ? a.Items.ToArray()
        : throw JqRuntimeException.BinaryError(v, v, "cannot be iterated over");

    private static JqValue[] KeysFor(JqValue v, JqValue keys) => keys is JqArray ka && v is JqArray va && ka.Count == va.Count
        ? ka.Items.ToArray()
        : throw new JqRuntimeException("Sort keys must be an array of the same length");

    private static JqValue[] StableSort(JqValue[] items, JqValue[] keys)
    {
        var idx = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(idx, (x, y) =>
        {
            int c = JqOrder.Compare(keys[x], keys[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        return idx.Select(i => items[i]).ToArray();
    }

    private static JqValue GroupBy(JqValue[] items, JqValue[] keys)
    {
        var idx = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(idx, (x, y) =>
        {
            int c = JqOrder.Compare(keys[x], keys[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        var groups = new List<JqValue>();
        List<JqValue>? cur = null;
        JqValue? curKey = null;
        foreach (int i in idx)
        {
            if (curKey is null || JqOrder.Compare(curKey, keys[i]) != 0)
            {
                if (cur is not null)
                {
                    groups.Add(new JqArray(cur));
                }

                cur = [];
                curKey = keys[i];
            }

            cur!.Add(items[i]);
        }

        if (cur is not null)
        {
            groups.Add(new JqArray(cur));
        }

        return new JqArray(groups);
    }

    private static JqValue MinMax(JqValue[] items, JqValue[] keys, bool isMin)
    {
        if (items.Length == 0)
        {
            return JqValue.Null;
        }

        int best = 0;
        for (int i = 1; i < items.Length; i++)
        {
            int c = JqOrder.Compare(keys[i], keys[best]);
            if ((c < 0) == isMin)
            {
                best = i;
            }
        }

        return items[best];
    }
}
