namespace TrailSift.Core.Query.Evaluation;

/// <summary>The properties of an object built by the filter (<c>{a: 1}</c>), in insertion order, keys unique.</summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
internal sealed class ObjectPayload
{
    private readonly List<byte[]> _keys = [];
    private readonly List<Value> _values = [];
    private Value[]? _frozen;

    public int Count => _keys.Count;

    public IReadOnlyList<byte[]> Keys => _keys;

    public Value[] Values => _frozen ??= [.. _values];

    /// <summary>Adds or replaces a property (the last duplicate wins, as in jq).</summary>
    public ObjectPayload With(byte[] key, in Value value)
    {
        var copy = new ObjectPayload();
        copy._keys.AddRange(_keys);
        copy._values.AddRange(_values);
        int i = copy.IndexOf(key);
        if (i >= 0)
        {
            copy._values[i] = value;
        }
        else
        {
            copy._keys.Add(key);
            copy._values.Add(value);
        }

        return copy;
    }

    public int IndexOf(ReadOnlySpan<byte> key)
    {
        for (int i = 0; i < _keys.Count; i++)
        {
            if (key.SequenceEqual(_keys[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
