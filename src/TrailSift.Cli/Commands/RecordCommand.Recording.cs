using System.Globalization;
using System.Text;
using TrailSift.Core.Output.Recording;

namespace TrailSift.Cli.Commands;

/// <summary>
/// The recording's files: the run's events (written by <see cref="RecordingWriter"/>: NDJSON, oldest first, each once)
/// and a sidecar <c>FILE.runs.ndjson</c> with one line per run. Here only paths, the temporary file and messages.
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
            List<byte[]> previous = append is null ? []
                : [.. File.ReadLines(append).Where(static line => line.Length > 0).Select(Encoding.UTF8.GetBytes)];
            string temp = path + ".tmp";
            int count;
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                count = RecordingWriter.WriteEvents(file, previous, events);
            }

            File.Move(temp, path, overwrite: true);
            string runs = RunsPath(path);
            if (append is not null && append != path && File.Exists(RunsPath(append)))
            {
                File.Copy(RunsPath(append), runs, overwrite: true);
            }

            File.AppendAllText(runs, RecordingWriter.RunLine(Run(info, events.Count)) + "\n");
            env.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trailsift record: {events.Count} events of this run written to {path} ({count} in the recording; runs in {runs})"));
            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Stderr.WriteLine($"trailsift: {path}: cannot write the recording: {e.Message}");
            return -1;
        }
    }

    private static RecordingRun Run(RunInfo info, int events) => new()
    {
        Command = info.Options.Command,
        ExitCode = info.ExitCode,
        Identity = info.Run,
        SessionName = info.SessionName,
        Role = info.Options.Role,
        Regions = [.. info.Regions.Regions.Order(StringComparer.Ordinal).Select(r => KeyValuePair.Create(r, info.Regions.State(r)))],
        CallRegions = info.Regions.CallRegions,
        Interrupted = info.Regions.Interrupted,
        Events = events,
    };
}
