namespace TrailSift.Core.Query.Jq.Values;

/// <summary>Builds a <see cref="JqObject"/>; a later value for an existing key replaces it in place.</summary>
public sealed class JqObjectBuilder
{
    private readonly List<string> _keys;
    private readonly List<JqValue> _values;
    private Dictionary<string, int>? _index;

    /// <summary>An empty builder.</summary>
    public JqObjectBuilder(int capacity = 4)
    {
        _keys = new List<string>(capacity);
        _values = new List<JqValue>(capacity);
    }

    /// <summary>A builder starting from <paramref name="source"/>'s entries.</summary>
    public JqObjectBuilder(JqObject source)
        : this(source.Count + 4)
    {
        foreach (string k in source.Keys)
        {
            _keys.Add(k);
        }

        foreach (JqValue v in source.Values)
        {
            _values.Add(v);
        }
    }

    /// <summary>The number of keys so far.</summary>
    public int Count => _keys.Count;

    /// <summary>Sets a key.</summary>
    public void Set(string key, JqValue value)
    {
        int i = Find(key);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }

        _index?.Add(key, _keys.Count);
        _keys.Add(key);
        _values.Add(value);
    }

    /// <summary>The object built so far.</summary>
    public JqObject ToObject() => _keys.Count == 0 ? JqObject.Empty : new JqObject(_keys.ToArray(), _values.ToArray(), _keys.Count);

    private int Find(string key)
    {
        if (_index is null && _keys.Count > 8)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int j = 0; j < _keys.Count; j++)
            {
                _index[_keys[j]] = j;
            }
        }

        if (_index is not null)
        {
            return _index.TryGetValue(key, out int j) ? j : -1;
        }

        for (int j = 0; j < _keys.Count; j++)
        {
            if (string.Equals(_keys[j], key, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return -1;
    }
}
