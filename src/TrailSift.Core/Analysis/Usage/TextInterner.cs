using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Reads short string values that repeat on every event (accounts, regions, event sources and names) as one shared
/// string each, without allocating once a value has been seen: the UTF-8 value is decoded into a stack buffer and
/// looked up by span. Bounded against hostile input (past <see cref="Limit"/> distinct values, or for long values, it
/// allocates as <see cref="JsonNode.GetString"/> does).
/// </summary>
/// <remarks>Not thread-safe: one per scan worker.</remarks>
internal sealed class TextInterner
{
    private const int Limit = 4096;
    private const int MaxBytes = 256;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public TextInterner() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The node's string value, or null when it is not a string.</summary>
    public string? Text(JsonNode node)
    {
        if (node.Kind != JsonKind.String)
        {
            return null;
        }

        Span<byte> utf8 = stackalloc byte[MaxBytes];
        Span<char> chars = stackalloc char[MaxBytes];
        if (node.RawJson.Length > MaxBytes + 2)
        {
            return node.GetString();
        }

        int length = node.CopyUtf8String(utf8);
        int count = Encoding.UTF8.GetChars(utf8[..length], chars);
        ReadOnlySpan<char> text = chars[..count];
        if (_bySpan.TryGetValue(text, out string? known))
        {
            return known;
        }

        string value = text.ToString();
        if (_strings.Count < Limit)
        {
            _strings.Add(value, value);
        }

        return value;
    }

    /// <summary>
    /// <paramref name="text"/>, or the equal string this interner gave before (one copy of a repeated value); bounded as
    /// <see cref="Text"/> is.
    /// </summary>
    public string Share(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_strings.TryGetValue(text, out string? known))
        {
            return known;
        }

        if (_strings.Count < Limit)
        {
            _strings.Add(text, text);
        }

        return text;
    }
}
