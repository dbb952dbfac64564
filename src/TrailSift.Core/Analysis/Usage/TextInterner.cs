using System.Text;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Reads short string values that repeat on every event (accounts, regions, event sources and names) as one shared
/// string each, without allocating once a value has been seen: the UTF-8 value is decoded into a stack buffer and
/// looked up by span. Bounded against hostile input (past <see cref="SharedTexts.Limit"/> distinct values, or for long values, it
/// allocates as <see cref="JsonNode.GetString"/> does).
/// </summary>
/// <remarks>Not thread-safe: one per scan worker.</remarks>
internal sealed class TextInterner
{
    private const int MaxBytes = 256;
    private readonly SharedTexts _strings = new();

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
        return _strings.Share(chars[..count]);
    }

    /// <summary>
    /// <paramref name="text"/>, or the equal string this interner gave before (one copy of a repeated value); bounded as
    /// <see cref="Text"/> is.
    /// </summary>
    public string Share(string text) => _strings.Share(text);
}
