namespace TrailSift.Core.Common;

/// <summary>
/// One copy of each text that repeats (accounts, regions, event names, tag keys and values, principals), bounded against
/// hostile input: past <see cref="Limit"/> distinct texts a new one is returned as it is, not kept.
/// </summary>
/// <remarks>Not thread-safe: one per owner (scan worker, ledger, principal).</remarks>
internal sealed class SharedTexts
{
    /// <summary>Distinct texts kept at most.</summary>
    public const int Limit = 4096;

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>Creates an empty set.</summary>
    public SharedTexts() => _bySpan = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary><paramref name="text"/>, or the equal text kept before.</summary>
    public string Share(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_texts.TryGetValue(text, out string? known))
        {
            return known;
        }

        if (_texts.Count < Limit)
        {
            _texts.Add(text, text);
        }

        return text;
    }

    /// <summary>The text kept equal to <paramref name="text"/>, or a new string of it (kept while there is room): no allocation once seen.</summary>
    public string Share(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out string? known))
        {
            return known;
        }

        string value = text.ToString();
        if (_texts.Count < Limit)
        {
            _texts.Add(value, value);
        }

        return value;
    }
}
