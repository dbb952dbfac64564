using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Output.Recording;

/*! Output/Recording: the files of `trailsift record` — the recording (events as NDJSON, oldest first, each once by
    eventID, so any command reads it) and one line per run in its sidecar. The Cli only names, moves and copies files. */

/// <summary>Writes a recording's events and its run lines.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class RecordingWriter
{
    /// <summary>
    /// Writes <paramref name="previous"/> (an earlier recording's lines, for <c>--append</c>) and <paramref name="events"/>
    /// as NDJSON: each event once (by <c>eventID</c>, else by its bytes' SHA-256; a later copy wins), oldest first, then
    /// by eventID. Returns the number of events written.
    /// </summary>
    public static int WriteEvents(Stream output, IEnumerable<byte[]> previous, IEnumerable<byte[]> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(events);
        var all = new Dictionary<string, (long Time, string Id, byte[] Json)>(StringComparer.Ordinal);
        foreach (byte[] e in previous.Concat(events))
        {
            Add(all, e);
        }

        foreach ((long _, string _, byte[] json) in all.Values.OrderBy(static v => v.Time).ThenBy(static v => v.Id, StringComparer.Ordinal))
        {
            output.Write(json);
            output.WriteByte((byte)'\n');
        }

        return all.Count;
    }

    /// <summary>The sidecar line of one run (compact JSON, no line feed).</summary>
    public static string RunLine(RecordingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            WriteArray(w, "command", run.Command);
            w.WriteNumber("exitCode", run.ExitCode);
            w.WriteString("start", run.Identity.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("end", run.Identity.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("sessionName", run.SessionName);
            WriteOptional(w, "role", run.Role);
            WriteOptional(w, "accessKeyId", run.Identity.AccessKeyId);
            WriteOptional(w, "sourceIdentity", run.Identity.SourceIdentity);
            WriteOptional(w, "callerArn", run.Identity.CallerArn);
            WriteArray(w, "also", run.Identity.Also);
            w.WriteStartObject("regions");
            foreach ((string region, string state) in run.Regions)
            {
                w.WriteString(region, state);
            }

            w.WriteEndObject();
            WriteArray(w, "callRegions", run.CallRegions);
            WriteOptional(w, "interrupted", run.Interrupted);
            w.WriteNumber("events", run.Events);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The id sorts ties; an event without an eventID sorts first among them (empty id) and is kept by its hash.
    private static void Add(Dictionary<string, (long, string, byte[])> all, byte[] json)
    {
        using EventRecord r = EventRecord.Parse(json);
        string? id = r.Root.GetProperty("eventID"u8) is { Kind: JsonKind.String } i ? i.GetString() : null;
        all[id ?? Convert.ToHexString(SHA256.HashData(json))] = (r.EventTimeTicks ?? 0, id ?? string.Empty, json);
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
