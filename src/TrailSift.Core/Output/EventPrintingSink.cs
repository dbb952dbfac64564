using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Output;

/// <summary>Prints every selected event to an ordered writer, as NDJSON or pretty JSON.</summary>
/// <remarks>Not thread-safe: one per scan worker.</remarks>
public sealed class EventPrintingSink : IEventSink, ISequencedSink
{
    private static readonly byte[] MarkedEnd = [(byte)'\n', 0xFF];
    private readonly OrderedWriter _writer;
    private readonly bool _indented;

    /// <summary>Creates the sink.</summary>
    public EventPrintingSink(OrderedWriter writer, bool indented)
    {
        _writer = writer;
        _indented = indented;
    }

    /// <summary>End each event with a marker byte (0xFF) for <see cref="OutputLimit"/> (<c>--limit</c>).</summary>
    public bool MarkOutputs { get; init; }

    /// <inheritdoc />
    public bool StopRequested => _writer.IsBroken;

    /// <inheritdoc />
    public void BeginObject(int sequence, string path) => _writer.Begin(sequence);

    /// <inheritdoc />
    public void EndObject(int sequence, string path) => _writer.End();

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        if (_indented)
        {
            JsonNodeWriter.WriteIndented(record.Root, _writer);
        }
        else
        {
            JsonNodeWriter.WriteCompact(record.Root, _writer);
        }

        JsonNodeWriter.Put(_writer, MarkOutputs ? MarkedEnd : "\n"u8);
    }
}
