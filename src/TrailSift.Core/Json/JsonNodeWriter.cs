using System.Buffers;

namespace TrailSift.Core.Json;

/// <summary>
/// Writes a <see cref="JsonNode"/> back as JSON, compact (one line, as <c>jq -c</c>) or indented with two
/// spaces (as jq), copying string and number text exactly as in the source so values never change.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class JsonNodeWriter
{
    /// <summary>Writes <paramref name="node"/> compactly.</summary>
    public static void WriteCompact(JsonNode node, IBufferWriter<byte> output) => Write(node, output, -1);

    /// <summary>Writes <paramref name="node"/> indented, starting at <paramref name="depth"/>.</summary>
    public static void WriteIndented(JsonNode node, IBufferWriter<byte> output, int depth = 0) => Write(node, output, depth);

    private static void Write(JsonNode node, IBufferWriter<byte> output, int depth)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                {
                    if (node.ChildCount == 0)
                    {
                        Put(output, "{}"u8);
                        return;
                    }

                    Put(output, "{"u8);
                    bool first = true;
                    foreach (JsonNode.PropertyEnumerator p in node.EnumerateProperties())
                    {
                        if (!first)
                        {
                            Put(output, ","u8);
                        }

                        first = false;
                        NewLine(output, depth < 0 ? -1 : depth + 1);
                        Put(output, "\""u8);
                        Put(output, p.Name.RawStringContent);
                        Put(output, depth < 0 ? "\":"u8 : "\": "u8);
                        Write(p.Value, output, depth < 0 ? -1 : depth + 1);
                    }

                    NewLine(output, depth);
                    Put(output, "}"u8);
                    return;
                }

            case JsonKind.Array:
                {
                    if (node.ChildCount == 0)
                    {
                        Put(output, "[]"u8);
                        return;
                    }

                    Put(output, "["u8);
                    bool first = true;
                    foreach (JsonNode child in node.EnumerateChildren())
                    {
                        if (!first)
                        {
                            Put(output, ","u8);
                        }

                        first = false;
                        NewLine(output, depth < 0 ? -1 : depth + 1);
                        Write(child, output, depth < 0 ? -1 : depth + 1);
                    }

                    NewLine(output, depth);
                    Put(output, "]"u8);
                    return;
                }

            case JsonKind.Undefined:
                Put(output, "null"u8);
                return;

            default:
                Put(output, node.RawJson);
                return;
        }
    }

    private static void NewLine(IBufferWriter<byte> output, int depth)
    {
        if (depth < 0)
        {
            return;
        }

        Span<byte> span = output.GetSpan(1 + (depth * 2));
        span[0] = (byte)'\n';
        span.Slice(1, depth * 2).Fill((byte)' ');
        output.Advance(1 + (depth * 2));
    }

    /// <summary>Appends raw bytes.</summary>
    public static void Put(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        Span<byte> span = output.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        output.Advance(bytes.Length);
    }
}
