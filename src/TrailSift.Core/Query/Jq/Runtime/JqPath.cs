using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>
/// An immutable path (a linked list of keys, most recent last); null is the empty path. A <em>pending</em> path is
/// jq's state after a filter that is not a path expression: the path reached so far and the value at it (jq's
/// <c>value_at_path</c>), checked by the next path operation or at the end of the path expression (<see cref="Resolve"/>).
/// </summary>
internal sealed class JqPath
{
    private readonly JqPath? _real;

    public JqPath(JqPath? parent, JqValue key)
    {
        Parent = parent;
        Key = key;
        Length = (parent?.Length ?? 0) + 1;
        ValueAtPath = JqValue.Null;
    }

    private JqPath(JqPath? real, JqValue valueAtPath, bool pending)
    {
        _real = real;
        Key = JqValue.Null;
        ValueAtPath = valueAtPath;
        IsPending = pending;
    }

    public JqPath? Parent { get; }

    public JqValue Key { get; }

    public int Length { get; }

    /// <summary>True for the state after a filter that is not a path expression (see the type's remarks).</summary>
    public bool IsPending { get; }

    /// <summary>For a pending path: the value reached by the last path operation (jq's <c>value_at_path</c>).</summary>
    public JqValue ValueAtPath { get; }

    public static JqArray ToArray(JqPath? p)
    {
        if (p is null)
        {
            return new JqArray(System.Array.Empty<JqValue>());
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
    /// The path state after a filter that is not a path expression produced <paramref name="result"/> from
    /// <paramref name="input"/> at <paramref name="path"/>: a pending path keeps its own value at path; a real path's
    /// value is the input, so the state is pending on the input unless the result is the input itself.
    /// </summary>
    public static JqPath? Kept(JqValue result, JqValue input, JqPath? path)
    {
        if (path is { IsPending: true } || ReferenceEquals(result, input))
        {
            return path;
        }

        return new JqPath(path, input, pending: true);
    }

    /// <summary>
    /// jq's path_intact: the real path when <paramref name="value"/> is jv_identical to the value at the path (always
    /// for a real path), else false.
    /// </summary>
    public static bool Resolve(JqValue value, JqPath? path, out JqPath? real)
    {
        if (path is not { IsPending: true })
        {
            real = path;
            return true;
        }

        real = path._real;
        return Identical(value, path.ValueAtPath);
    }

    /// <summary>The real path of <paramref name="value"/> at the end of a path expression, or jq's error.</summary>
    public static JqPath? End(JqValue value, JqPath? path) =>
        Resolve(value, path, out JqPath? real) ? real : throw JqRuntimeException.InvalidPathResult(value);

    /// <summary>
    /// jq 1.7.1's jv_identical as it can arise in the programs the compiler accepts (JqPathCheck): null, true and false
    /// by kind; any other value by its object. In those programs a result that is not the value at the path itself is a
    /// new value (jq compares a string, array, object or number literal by its allocation; TrailSift has no shared empty
    /// values and tonumber returns a new number), so the one case object identity cannot tell, two different computed
    /// numbers with the same bits, does not arise.
    /// </summary>
    public static bool Identical(JqValue a, JqValue b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        return a.Kind switch
        {
            JqKind.Null or JqKind.True or JqKind.False => true,
            _ => ReferenceEquals(a, b),
        };
    }
}
