using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>Enumerates the elements of an array value, or the values of an object value (jq's <c>.[]</c>).</summary>
/// <remarks>A struct enumerator used by one call; not thread-safe.</remarks>
internal struct Children
{
    private JsonNode.ChildEnumerator _nodes;
    private readonly Value[]? _items;
    private readonly bool _isNode;
    private int _i;

    public Children(in Value value)
    {
        _isNode = value.IsNode;
        _items = value.ComputedArray ?? value.ComputedObject?.Values;
        _nodes = _isNode ? value.Node.EnumerateChildren() : default;
        _i = -1;
        Current = default;
    }

    public Value Current { get; private set; }

    public bool MoveNext()
    {
        if (_isNode)
        {
            if (_nodes.MoveNext())
            {
                Current = Value.FromNode(_nodes.Current);
                return true;
            }

            return false;
        }

        if (_items is not null && ++_i < _items.Length)
        {
            Current = _items[_i];
            return true;
        }

        return false;
    }

    public readonly Children GetEnumerator() => this;
}
