using System.Buffers;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>
/// The decoded UTF-8 bytes of a string value without allocating: the raw record bytes when the
/// string has no escapes, else a pooled buffer returned by <see cref="Dispose"/>.
/// </summary>
/// <remarks>A ref struct owned by one call; not thread-safe.</remarks>
internal ref struct Utf8Text
{
    private byte[]? _rented;

    public ReadOnlySpan<byte> Span { get; private set; }

    public static Utf8Text Of(in Value value)
    {
        var text = default(Utf8Text);
        if (!value.IsNode)
        {
            text.Span = value.ComputedString;
            return text;
        }

        JsonNode node = value.Node;
        if (!node.HasEscapes)
        {
            text.Span = node.RawStringContent;
            return text;
        }

        int max = node.RawStringContent.Length;
        text._rented = ArrayPool<byte>.Shared.Rent(Math.Max(max, 1));
        int n = node.CopyUtf8String(text._rented);
        text.Span = text._rented.AsSpan(0, n);
        return text;
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
