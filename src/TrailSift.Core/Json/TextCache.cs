using System.Text;

namespace TrailSift.Core.Json;

/// <summary>
/// The strings of JSON string values that recur from event to event (regions, accounts, bucket and key ARNs, role
/// names): a direct-mapped table per thread from the value's UTF-8 bytes to a string made once, so a recurring value
/// costs a hash and a compare instead of an allocation. Only unescaped ASCII values are kept (their string is the
/// bytes widened); any other value is decoded as <see cref="JsonNode.GetString"/> does, uncached. A slot holds the
/// last value that hashed to it, so memory stays bounded whatever the input.
/// </summary>
/// <remarks>One table per thread ([ThreadStatic]); nothing is shared, so it is thread-safe.</remarks>
internal static class TextCache
{
    private const int Slots = 4096;
    private const int MaxCachedLength = 256;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>The text of a string node (as <see cref="JsonNode.GetString"/>), or null when it is not a string.</summary>
    public static string? Text(JsonNode node) => node.Kind == JsonKind.String ? Get(node) : null;

    /// <summary>The text of a string node, as <see cref="JsonNode.GetString"/> gives it.</summary>
    public static string Get(JsonNode node)
    {
        if (node.HasEscapes)
        {
            return node.GetString();
        }

        ReadOnlySpan<byte> raw = node.RawStringContent;
        if (raw.Length > MaxCachedLength || !Ascii.IsValid(raw))
        {
            return node.GetString();
        }

        string?[] slots = t_slots ??= new string?[Slots];
        var hash = default(HashCode);
        hash.AddBytes(raw);
        int slot = hash.ToHashCode() & (Slots - 1);
        string? cached = slots[slot];
        if (cached is not null && cached.Length == raw.Length && Ascii.Equals(raw, cached))
        {
            return cached;
        }

        string made = Encoding.ASCII.GetString(raw);
        slots[slot] = made;
        return made;
    }
}
