using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>An immutable path (a linked list of keys, most recent last); null is the empty path.</summary>
internal sealed class JqPath(JqPath? parent, JqValue key)
{
    /// <summary>Marks a value that did not come from a path expression (jq's "Invalid path expression").</summary>
    public static readonly JqPath Invalid = new(null, JqValue.Null);

    public JqPath? Parent { get; } = parent;

    public JqValue Key { get; } = key;

    public int Length { get; } = (parent?.Length ?? 0) + 1;

    public static JqArray ToArray(JqPath? p)
    {
        if (p is null)
        {
            return JqArray.Empty;
        }

        var items = new JqValue[p.Length];
        for (JqPath? q = p; q is not null; q = q.Parent)
        {
            items[q.Length - 1] = q.Key;
        }

        return new JqArray(items);
    }

    public static JqPath? FromArray(JqArray a, JqPath? prefix = null)
    {
        JqPath? p = prefix;
        foreach (JqValue k in a.Items)
        {
            p = new JqPath(p, k);
        }

        return p;
    }
}
