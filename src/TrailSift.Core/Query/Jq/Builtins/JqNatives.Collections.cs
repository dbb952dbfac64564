using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>Sorting, grouping, min/max and string builtins.</summary>
internal static partial class JqNatives
{
    private static void AddCollections(Action<JqNative> add)
    {
        add(new ValueNative("sort", 0, (v, _) => new JqArray(StableSort(SortInput(v, "sorted"), SortInput(v, "sorted")))));
        add(new ValueNative("_sort_by_impl", 1, (v, a) => new JqArray(StableSort(SortByInputs(v, a[0], out var keys), keys))));
        add(new ValueNative("_group_by_impl", 1, (v, a) => GroupBy(SortByInputs(v, a[0], out var keys), keys)));
        add(new ValueNative("min", 0, (v, _) => MinMax(MinMaxInput(v), MinMaxInput(v), true)));
        add(new ValueNative("max", 0, (v, _) => MinMax(MinMaxInput(v), MinMaxInput(v), false)));
        add(new ValueNative("_min_by_impl", 1, (v, a) => MinMax(MinMaxByInputs(v, a[0], out var keys), keys, true)));
        add(new ValueNative("_max_by_impl", 1, (v, a) => MinMax(MinMaxByInputs(v, a[0], out var keys), keys, false)));
    }

    private static JqValue[] SortInput(JqValue v, string what) => v is JqArray a
        ? a.Items.ToArray()
        : throw JqRuntimeException.TypeError(v, $"cannot be {what}, as it is not an array");

    // jq's minmax_by(values, keys): type_error2(values, keys, "cannot be iterated over"); min and max pass the input twice.
    private static JqValue[] MinMaxInput(JqValue v) => v is JqArray a
        ? a.Items.ToArray()
        : throw JqRuntimeException.BinaryError(v, v, "cannot be iterated over");

    // jq 1.7.1's f_sort_by_impl / f_group_by_impl: both arrays of the same length, else type_error2(input, keys, …).
    // sort_by(f) is _sort_by_impl(map([f])), and map works on an object, so an object input reaches this check
    // with its keys computed ("object ({…}) and array ([[1]]) cannot be sorted, as they are not both arrays").
    private static JqValue[] SortByInputs(JqValue v, JqValue keys, out JqValue[] keyItems)
    {
        if (v is JqArray va && keys is JqArray ka && va.Count == ka.Count)
        {
            keyItems = ka.Items.ToArray();
            return va.Items.ToArray();
        }

        throw JqRuntimeException.BinaryError(v, keys, "cannot be sorted, as they are not both arrays");
    }

    // jq 1.7.1's minmax_by(values, keys): "cannot be iterated over" unless both are arrays, then "have wrong length".
    private static JqValue[] MinMaxByInputs(JqValue v, JqValue keys, out JqValue[] keyItems)
    {
        if (v is not JqArray va || keys is not JqArray ka)
        {
            throw JqRuntimeException.BinaryError(v, keys, "cannot be iterated over");
        }

        if (va.Count != ka.Count)
        {
            throw JqRuntimeException.BinaryError(v, keys, "have wrong length");
        }

        keyItems = ka.Items.ToArray();
        return va.Items.ToArray();
    }

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
