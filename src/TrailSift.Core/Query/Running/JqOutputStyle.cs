using System.Buffers;
using System.Text;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Running;

/// <summary>How jq prints outputs (<c>-c</c>, <c>-r</c>, <c>--tab</c>, <c>-S</c>, <c>-a</c>), and the marker that lets <c>--limit</c> count them.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record JqOutputStyle
{
    /// <summary>Ends every output when <c>--limit</c> counts them: 0xFF never occurs in UTF-8 text, and the limit stage removes it.</summary>
    public const byte OutputMarker = 0xFF;

    /// <summary>jq's default: two-space indentation.</summary>
    public static JqOutputStyle Default { get; } = new();

    /// <summary><c>-c</c>: one line per output.</summary>
    public bool Compact { get; init; }

    /// <summary><c>-r</c>: strings without quotes.</summary>
    public bool Raw { get; init; }

    /// <summary><c>--tab</c>: indent with tabs.</summary>
    public bool Tab { get; init; }

    /// <summary><c>-S</c>: object keys sorted.</summary>
    public bool SortKeys { get; init; }

    /// <summary><c>-a</c>: non-ASCII characters escaped.</summary>
    public bool Ascii { get; init; }

    /// <summary>Write <see cref="OutputMarker"/> after each output (for <c>--limit</c>).</summary>
    public bool MarkOutputs { get; init; }

    /// <summary>The writer options of this style.</summary>
    internal JqWriteOptions WriteOptions => new()
    {
        Indent = Compact ? 0 : (Tab ? 1 : 2),
        UseTab = Tab && !Compact,
        SortKeys = SortKeys,
        Ascii = Ascii,
    };

    /// <summary>Appends one output as jq prints it, newline included, to <paramref name="sb"/>.</summary>
    public void Append(StringBuilder sb, JqValue v)
    {
        if (Raw && v is JqString s)
        {
            if (Ascii)
            {
                JqJsonWriter.WriteString(sb, s.Value, true);
            }
            else
            {
                sb.Append(s.Value);
            }
        }
        else
        {
            JqJsonWriter.Write(sb, v, WriteOptions);
        }

        sb.Append('\n');
    }

    /// <summary>Writes one output as UTF-8 to <paramref name="output"/>, through the scratch builder <paramref name="sb"/>.</summary>
    public void Write(IBufferWriter<byte> output, StringBuilder sb, JqValue v)
    {
        sb.Clear();
        Append(sb, v);
        Encode(output, sb);

        if (MarkOutputs)
        {
            output.GetSpan(1)[0] = OutputMarker;
            output.Advance(1);
        }
    }

    /// <summary>Writes the text of <paramref name="sb"/> to <paramref name="output"/> as UTF-8.</summary>
    internal static void Encode(IBufferWriter<byte> output, StringBuilder sb)
    {
        foreach (ReadOnlyMemory<char> chunk in sb.GetChunks())
        {
            Span<byte> span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chunk.Length));
            output.Advance(Encoding.UTF8.GetBytes(chunk.Span, span));
        }
    }
}
