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

    /// <summary>
    /// The path of a value a non-path filter produced from <paramref name="input"/> (the value at <paramref name="path"/>):
    /// jq's path_intact keeps the path when the value is jv_identical to the value at the path (null, true and false by
    /// kind; a string, array or object when it is the same value object), else <see cref="Invalid"/>.
    /// </summary>
    /// <remarks>
    /// Numbers and the shared empty string, array and object are never taken as identical: TrailSift shares small integers
    /// and empty values where jq allocates separate ones, so identity there would not be jq's.
    /// </remarks>
    public static JqPath? Kept(JqValue result, JqValue input, JqPath? path)
    {
        if (ReferenceEquals(path, Invalid))
        {
            return Invalid;
        }

        return result.Kind switch
        {
            JqKind.Null or JqKind.True or JqKind.False => result.Kind == input.Kind ? path : Invalid,
            JqKind.Number => Invalid,
            _ => ReferenceEquals(result, input) && !IsShared(result) ? path : Invalid,
        };
    }

    private static bool IsShared(JqValue v) =>
        ReferenceEquals(v, JqString.Empty) || ReferenceEquals(v, JqArray.Empty) || ReferenceEquals(v, JqObject.Empty);
}
