using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// The values of an ARN template's variables while one ARN is built: a handful of (name, value) pairs looked up by
/// name ignoring case, as the <c>Dictionary</c> with <see cref="StringComparer.OrdinalIgnoreCase"/> it replaces.
/// Rented per thread (<see cref="Rent"/>/<see cref="Return"/>) so building an ARN allocates only the ARN.
/// </summary>
/// <remarks>Mutable; one per thread at a time (a small per-thread stack serves nested uses).</remarks>
internal sealed class TemplateVariables : IReadOnlyDictionary<string, string>
{
    [ThreadStatic]
    private static Stack<TemplateVariables>? t_free;

    private readonly List<KeyValuePair<string, string>> _pairs = new(8);

    public int Count => _pairs.Count;

    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    public IEnumerable<string> Values => _pairs.Select(p => p.Value);

    public string this[string key]
    {
        get => TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException(key);
        set
        {
            int at = IndexOf(key);
            if (at < 0)
            {
                _pairs.Add(new KeyValuePair<string, string>(key, value));
            }
            else
            {
                _pairs[at] = new KeyValuePair<string, string>(_pairs[at].Key, value);
            }
        }
    }

    /// <summary>An empty instance: this thread's spare, else a new one.</summary>
    public static TemplateVariables Rent() => t_free is { Count: > 0 } free ? free.Pop() : new TemplateVariables();

    /// <summary>Empties this instance and keeps it for the thread's next <see cref="Rent"/>.</summary>
    public void Return()
    {
        Clear();
        (t_free ??= new Stack<TemplateVariables>(4)).Push(this);
    }

    /// <summary>Removes every pair.</summary>
    public void Clear() => _pairs.Clear();

    /// <summary>Adds the pair unless the name is there already (ignoring case).</summary>
    public void TryAdd(string key, string value)
    {
        if (IndexOf(key) < 0)
        {
            _pairs.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        int at = IndexOf(key);
        value = at < 0 ? null : _pairs[at].Value;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (int i = 0; i < _pairs.Count; i++)
        {
            if (string.Equals(_pairs[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
