using System.Globalization;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Events;

namespace TrailSift.Cli.Commands;

/// <summary>
/// The recording: the run's events as NDJSON, oldest first, each once (by eventID) — any command reads it — and a
/// sidecar <c>FILE.runs.ndjson</c> with one line per run (command, exit code, times, session, per-region verdicts).
/// </summary>
internal static class RecordingFile
{
    /// <summary>The sidecar of a recording.</summary>
    public static string RunsPath(string recording) => recording + ".runs.ndjson";

    /// <summary>Writes the recording (merging <paramref name="append"/>'s events) and its run line; the number of events, or -1 after an error.</summary>
    public static int Write(string path, string? append, IReadOnlyList<byte[]> events, RunInfo info, AppEnvironment env)
    {
        try
        {
            var all = new Dictionary<string, (long Time, byte[] Json)>(StringComparer.Ordinal);
            if (append is not null)
            {
                foreach (string line in File.ReadLines(append))
                {
                    if (line.Length > 0)
                    {
                        Add(all, Encoding.UTF8.GetBytes(line));
                    }
                }
            }

            foreach (byte[] e in events)
            {
                Add(all, e);
            }

            string temp = path + ".tmp";
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                foreach ((long _, byte[] json) in all.Values.OrderBy(v => v.Time).ThenBy(v => Id(v.Json), StringComparer.Ordinal))
                {
                    file.Write(json);
                    file.WriteByte((byte)'\n');
                }
            }

            File.Move(temp, path, overwrite: true);
            string runs = RunsPath(path);
            if (append is not null && append != path && File.Exists(RunsPath(append)))
            {
                File.Copy(RunsPath(append), runs, overwrite: true);
            }

            File.AppendAllText(runs, RunLine(info, events.Count) + "\n");
            env.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trailsift record: {events.Count} events of this run written to {path} ({all.Count} in the recording; runs in {runs})"));
            return all.Count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Stderr.WriteLine($"trailsift: {path}: cannot write the recording: {e.Message}");
            return -1;
        }
    }

    private static void Add(Dictionary<string, (long, byte[])> all, byte[] json)
    {
        using EventRecord r = EventRecord.Parse(json);
        string id = r.Root.GetProperty("eventID"u8) is { Kind: JsonKind.String } i ? i.GetString() : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(json));
        all[id] = (r.EventTimeTicks ?? 0, json);
    }

    private static string Id(byte[] json)
    {
        using EventRecord r = EventRecord.Parse(json);
        return r.Root.GetProperty("eventID"u8) is { Kind: JsonKind.String } i ? i.GetString() : string.Empty;
    }

    private static string RunLine(RunInfo info, int events)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("command");
            foreach (string a in info.Options.Command)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteNumber("exitCode", info.ExitCode);
            w.WriteString("start", info.Run.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("end", info.Run.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("sessionName", info.SessionName);
            WriteOptional(w, "role", info.Options.Role);
            WriteOptional(w, "accessKeyId", info.Run.AccessKeyId);
            WriteOptional(w, "sourceIdentity", info.Run.SourceIdentity);
            WriteOptional(w, "callerArn", info.Run.CallerArn);
            w.WriteStartArray("also");
            foreach (string a in info.Run.Also)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteStartObject("regions");
            foreach (string region in info.Regions.Regions.Order(StringComparer.Ordinal))
            {
                w.WriteString(region, info.Regions.State(region));
            }

            w.WriteEndObject();
            w.WriteStartArray("callRegions");
            foreach (string region in info.Regions.CallRegions)
            {
                w.WriteStringValue(region);
            }

            w.WriteEndArray();
            WriteOptional(w, "interrupted", info.Regions.Interrupted);
            w.WriteNumber("events", events);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
