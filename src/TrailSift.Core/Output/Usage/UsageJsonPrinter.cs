using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Output.Usage;

/// <summary>
/// Writes a <see cref="UsageReport"/> for machines: one JSON document (<see cref="PrintJson"/>) or one compact line per
/// principal (<see cref="PrintNdjson"/>, each line holding the coverage too). Verdicts are lower-case words
/// (<c>used</c>, <c>unused</c>, <c>not-visible</c>, <c>no-data</c>); times are ISO 8601 UTC or null. Computes nothing.
/// Principals are rendered as <see cref="UsageReport.Render"/> hands them over (several at once, in order), each into a
/// chain of pooled segments written whole: the bytes are those of one <see cref="Utf8JsonWriter"/> writing the whole report.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static partial class UsageJsonPrinter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // What a writer puts after the last element of the principals array and closing the document (then a line feed), with
    // and without elements; a principal rendered alone at the array's depth (the writer keeps no other state) is preceded by a comma
    // when it is not the first.
    private static readonly byte[] TailAfterPrincipals = Tail(withElement: true);
    private static readonly byte[] TailAfterNone = Tail(withElement: false);

    /// <summary>Writes the whole report as one indented JSON document.</summary>
    public static void PrintJson(UsageReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var head = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(head, Indented))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(Names.Coverage);
            WriteCoverage(report.Coverage, writer);
            writer.WriteStartArray(Names.Diagnostics);
            foreach (string d in report.Diagnostics)
            {
                writer.WriteStringValue(d);
            }

            writer.WriteEndArray();
            writer.WriteStartArray(Names.Principals);
        }

        output.Write(head.WrittenSpan);
        var renderers = new ConcurrentBag<Renderer>();
        bool first = true;
        foreach (Chunk chunk in report.Render((principal, _) => Render(renderers, Indented, principal, null)))
        {
            chunk.WriteTo(output, separated: !first);
            first = false;
        }

        output.Write(first ? TailAfterNone : TailAfterPrincipals);
    }

    /// <summary>Writes one compact line per principal: <c>{"coverage":…,"principal":…}</c>.</summary>
    public static void PrintNdjson(UsageReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var coverage = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(coverage, Compact))
        {
            WriteCoverage(report.Coverage, writer);
        }

        byte[] covered = coverage.WrittenSpan.ToArray();
        var renderers = new ConcurrentBag<Renderer>();
        foreach (Chunk chunk in report.Render((principal, _) => Render(renderers, Compact, principal, covered)))
        {
            chunk.WriteTo(output, separated: false);
        }
    }

    /// <summary>The verdict's JSON word.</summary>
    public static string Word(UsageVerdict verdict) => verdict switch
    {
        UsageVerdict.Used => "used",
        UsageVerdict.Unused => "unused",
        UsageVerdict.NotVisible => "not-visible",
        _ => "no-data",
    };

    /// <summary>
    /// One principal's bytes: alone at the principals array's depth for the document, or a whole NDJSON line when the
    /// coverage's bytes are given.
    /// </summary>
    private static Chunk Render(ConcurrentBag<Renderer> renderers, JsonWriterOptions options, PrincipalUsage principal, byte[]? coverage)
    {
        if (!renderers.TryTake(out Renderer? renderer))
        {
            renderer = new Renderer(options);
        }

        try
        {
            return renderer.Render(principal, coverage);
        }
        finally
        {
            renderers.Add(renderer);
        }
    }

    private static byte[] Tail(bool withElement)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using var writer = new Utf8JsonWriter(buffer, Indented);
        writer.WriteStartObject();
        writer.WriteStartArray(Names.Principals);
        if (withElement)
        {
            writer.WriteNullValue();
        }

        writer.Flush();
        int mark = buffer.WrittenCount;
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return [.. buffer.WrittenSpan[mark..], (byte)'\n'];
    }

    /// <summary>A worker's writer, reused from principal to principal; each principal's bytes leave in their own pooled segments.</summary>
    private sealed class Renderer(JsonWriterOptions options)
    {
        private readonly SegmentedBufferWriter _buffer = new();
        private readonly Utf8JsonWriter _writer = new(new ArrayBufferWriter<byte>(1), options);

        public Chunk Render(PrincipalUsage principal, byte[]? coverage)
        {
            _buffer.Clear();
            _writer.Reset(_buffer);
            long mark = 0;
            if (coverage is null)
            {
                // Two open arrays put the principal at the depth it has in the document.
                _writer.WriteStartArray();
                _writer.WriteStartArray();
                _writer.Flush();
                mark = _buffer.WrittenCount;
                WritePrincipal(principal, _writer);
            }
            else
            {
                _writer.WriteStartObject();
                _writer.WritePropertyName(Names.Coverage);
                _writer.WriteRawValue(coverage, skipInputValidation: true);
                _writer.WritePropertyName(Names.Principal);
                WritePrincipal(principal, _writer);
                _writer.WriteEndObject();
            }

            _writer.Flush();
            if (coverage is not null)
            {
                _buffer.Write("\n"u8);
            }
            else
            {
                // The second open array's bracket, written already, becomes the comma a later principal is preceded by.
                _buffer.Set(mark - 1, (byte)',');
            }

            return new Chunk(_buffer.Detach(), mark);
        }
    }

    /// <summary>
    /// One principal's bytes in pooled segments (<paramref name="Offset"/> past a comma when it is not 0), given back to
    /// the pool once written.
    /// </summary>
    private readonly record struct Chunk(RenderedBytes Bytes, long Offset)
    {
        /// <summary>Writes the bytes, after a comma when <paramref name="separated"/>.</summary>
        public void WriteTo(Stream output, bool separated)
        {
            if (separated && Offset == 0)
            {
                output.Write(","u8);
            }

            Bytes.WriteTo(output, separated && Offset > 0 ? Offset - 1 : Offset);
        }
    }
}
