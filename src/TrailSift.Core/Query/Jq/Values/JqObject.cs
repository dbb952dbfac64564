namespace TrailSift.Core.Query.Jq.Values;

/// <summary>An immutable jq object; keys keep their insertion order, as jq prints them.</summary>
public sealed class JqObject : JqValue
{
    /// <summary>A new empty object (a new value each time, as jq allocates one: path expressions compare values by identity).</summary>
    public static JqObject Empty => new([], [], 0);

    private const int IndexThreshold = 8;
    private readonly string[] _keys;
    private readonly JqValue[] _values;
    private readonly int _count;
    private Dictionary<string, int>? _index;

    internal JqObject(string[] keys, JqValue[] values, int count)
    {
        _keys = keys;
        _values = values;
        _count = count;
    }

    /// <inheritdoc />
    public override JqKind Kind => JqKind.Object;

    /// <summary>The number of keys.</summary>
    public int Count => _count;

    /// <summary>The keys in insertion order.</summary>
    public ReadOnlySpan<string> Keys => _keys.AsSpan(0, _count);

    /// <summary>The values in key order.</summary>
    public ReadOnlySpan<JqValue> Values => _values.AsSpan(0, _count);

    /// <summary>Looks a key up.</summary>
    public bool TryGetValue(string key, out JqValue value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? _values[i] : Null;
        return i >= 0;
    }

    /// <summary>The value of <paramref name="key"/>, or <c>null</c>.</summary>
    public JqValue Get(string key)
    {
        int i = IndexOf(key);
        return i >= 0 ? _values[i] : Null;
    }

    /// <summary>A copy with <paramref name="key"/> set (kept in place when present, appended otherwise).</summary>
    public JqObject With(string key, JqValue value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            var vs = _values.AsSpan(0, _count).ToArray();
            vs[i] = value;
            return new JqObject(_keys, vs, _count) { _index = _index };
        }

        var keys = new string[_count + 1];
        var values = new JqValue[_count + 1];
        Array.Copy(_keys, keys, _count);
        Array.Copy(_values, values, _count);
        keys[_count] = key;
        values[_count] = value;
        return new JqObject(keys, values, _count + 1);
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public JqObject Without(string key)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            return this;
        }

        var keys = new string[_count - 1];
        var values = new JqValue[_count - 1];
        Array.Copy(_keys, keys, i);
        Array.Copy(_values, values, i);
        Array.Copy(_keys, i + 1, keys, i, _count - i - 1);
        Array.Copy(_values, i + 1, values, i, _count - i - 1);
        return new JqObject(keys, values, _count - 1);
    }

    internal int IndexOf(string key)
    {
        if (_count > IndexThreshold)
        {
            Dictionary<string, int> index = _index ??= BuildIndex();
            return index.TryGetValue(key, out int j) ? j : -1;
        }

        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var d = new Dictionary<string, int>(_count, StringComparer.Ordinal);
        for (int i = 0; i < _count; i++)
        {
            d[_keys[i]] = i;
        }

        return d;
    }
}
