using System.Buffers;
using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary>Allocation-free text tests on string nodes (escapes are decoded into a pooled buffer only when present).</summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class NodeText
{
    public static bool Equals(JsonNode node, byte[] utf8, bool ignoreCase) =>
        Test(node, utf8, ignoreCase, static (s, v, ic) => ic ? Ascii.EqualsIgnoreCase(s, v) : s.SequenceEqual(v));

    public static bool Contains(JsonNode node, byte[] utf8, bool ignoreCase) =>
        Test(node, utf8, ignoreCase, static (s, v, ic) => ic ? IndexOfIgnoreCase(s, v) >= 0 : s.IndexOf(v) >= 0);

    public static bool StartsWith(JsonNode node, byte[] utf8, bool ignoreCase) =>
        Test(node, utf8, ignoreCase, static (s, v, ic) => s.Length >= v.Length && (ic ? Ascii.EqualsIgnoreCase(s[..v.Length], v) : s.StartsWith(v)));

    private delegate bool SpanTest(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value, bool ignoreCase);

    private static bool Test(JsonNode node, byte[] utf8, bool ignoreCase, SpanTest test)
    {
        if (node.Kind != JsonKind.String)
        {
            return false;
        }

        if (!node.HasEscapes)
        {
            return test(node.RawStringContent, utf8, ignoreCase);
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(node.RawStringContent.Length);
        int n = node.CopyUtf8String(rented);
        bool result = test(rented.AsSpan(0, n), utf8, ignoreCase);
        ArrayPool<byte>.Shared.Return(rented);
        return result;
    }

    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        for (int i = 0; i + value.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, value.Length), value))
            {
                return i;
            }
        }

        return -1;
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
