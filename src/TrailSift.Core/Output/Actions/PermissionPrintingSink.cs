using System.Text.Json;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Output.Actions;

/// <summary>Maps each selected event and prints one NDJSON line, in input order.</summary>
/// <remarks>Not thread-safe: one per scan worker.</remarks>
public sealed class PermissionPrintingSink(EventPermissionMapper mapper, OrderedWriter writer) : IEventSink, ISequencedSink
{
    private readonly Utf8JsonWriter _json = new(writer, PermissionJson.Options);

    /// <inheritdoc />
    public bool StopRequested => writer.IsBroken;

    /// <inheritdoc />
    public void BeginObject(int sequence, string path) => writer.Begin(sequence);

    /// <inheritdoc />
    public void EndObject(int sequence, string path) => writer.End();

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        EventPermissions result = mapper.Map(record);
        _json.Reset(writer);
        PermissionJson.WriteEvent(_json, record, result);
        _json.Flush();
        JsonNodeWriter.Put(writer, "\n"u8);
    }
}
