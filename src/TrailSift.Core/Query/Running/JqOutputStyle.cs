using System.Buffers;
using System.Text;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Running;

/// <summary>
/// How jq prints outputs (<c>-c</c>, <c>-r</c>, <c>-j</c>, <c>--tab</c>, <c>--indent</c>, <c>-S</c>, <c>-a</c>, <c>-C</c>,
/// <c>--seq</c>), and the marker that lets <c>--limit</c> count them.
/// </summary>
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

    /// <summary><c>-j</c>: no newline after an output.</summary>
    public bool Join { get; init; }

    /// <summary><c>--seq</c>: a record separator (0x1E) before each output that is not a raw string.</summary>
    public bool Seq { get; init; }

    /// <summary><c>--indent N</c>: spaces per level (jq's default 2).</summary>
    public int Indent { get; init; } = 2;

    /// <summary><c>-C</c>: jq's colours (SGR codes per kind), or null for none.</summary>
    public IReadOnlyList<string>? Colors { get; init; }

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
        Indent = Compact ? 0 : (Tab ? 1 : Indent),
        UseTab = Tab && !Compact,
        SortKeys = SortKeys,
        Ascii = Ascii,
        Colors = Colors,
    };

    /// <summary>Appends one output as jq prints it, newline included (unless <see cref="Join"/>), to <paramref name="sb"/>.</summary>
    public void Append(StringBuilder sb, JqValue v)
    {
        // jq writes the record separator before each JSON text it prints, not before a raw string.
        if (Seq && !(Raw && v is JqString))
        {
            sb.Append('\u001e');
        }

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

        if (!Join)
        {
            sb.Append('\n');
        }
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
