namespace TrailSift.Core.Query.Jq.Values;

/// <summary>An immutable jq array.</summary>
public sealed class JqArray : JqValue
{
    /// <summary>A new empty array (a new value each time, as jq allocates one: path expressions compare values by identity).</summary>
    public static JqArray Empty => new(System.Array.Empty<JqValue>());

    private readonly JqValue[] _items;

    /// <summary>Wraps <paramref name="items"/>, which the caller must never change afterwards.</summary>
    public JqArray(JqValue[] items) => _items = items;

    /// <summary>Creates an array from a list (copied).</summary>
    public JqArray(List<JqValue> items) => _items = items.ToArray();

    /// <inheritdoc />
    public override JqKind Kind => JqKind.Array;

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>The element at <paramref name="i"/>.</summary>
    public JqValue this[int i] => _items[i];

    /// <summary>The elements.</summary>
    public ReadOnlySpan<JqValue> Items => _items;

    internal JqValue[] CopyItems() => (JqValue[])_items.Clone();
}
