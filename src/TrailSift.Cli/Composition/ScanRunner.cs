using System.Globalization;
using TrailSift.Cli.Reporting;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Composition;

/// <summary>Runs a <see cref="ScanPlan"/> with per-worker sinks, the progress line and <c>--stats</c>.</summary>
public static class ScanRunner
{
    /// <summary>Scans and returns the merged statistics and the workers' sinks.</summary>
    public static ScanResult<TSink> Run<TSink>(ScanPlan plan, AppEnvironment env, ConsoleReporter reporter, Func<TSink> createSink, CancellationToken cancel = default)
        where TSink : IEventSink, ISequencedSink
    {
        ProgressLine? progress = plan.Progress ? new ProgressLine(env.Stderr, plan.Sources.Objects.Count) { Extra = e => RemoteSources.Progress(plan.Sources, e) } : null;
        reporter.Progress = progress;
        var scanner = new ParallelScanner { Threads = plan.Threads };
        ScanResult<TSink> result = scanner.Run(plan.Sources.Objects, plan.Predicate, createSink, reporter,
            progress is null ? null : progress.Update, cancel);
        progress?.Clear();
        reporter.Progress = null;
        result.Stats.FilesPruned += plan.Sources.PrunedFiles;
        result.Stats.DirectoriesPruned += plan.Sources.PrunedDirectories;
        result.Stats.DigestFiles += plan.Sources.DigestFiles;
        result.Stats.SkippedByName += plan.Sources.SkippedByName;
        result.Stats.FilesSeen = result.Stats.FilesOpened + plan.Sources.PrunedFiles + plan.Sources.DigestFiles;
        if (plan.Stats)
        {
            WriteStats(env.Stderr, result.Stats);
            RemoteSources.WriteStats(plan.Sources, env.Stderr);
        }

        return result;
    }

    /// <summary>Writes the statistics block (stable wording: the benchmark parses it).</summary>
    public static void WriteStats(TextWriter stderr, ScanStats s)
    {
        double seconds = Math.Max(s.Elapsed.TotalSeconds, 1e-9);
        CultureInfo c = CultureInfo.InvariantCulture;
        stderr.WriteLine(string.Create(c, $"files: seen {s.FilesSeen}, pruned {s.FilesPruned} (+{s.DirectoriesPruned} directories), digest {s.DigestFiles}, not logs {s.SkippedByName}, opened {s.FilesOpened}, failed {s.FilesFailed}"));
        stderr.WriteLine(string.Create(c, $"bytes: compressed {s.StoredBytes}, uncompressed {s.DecodedBytes}"));
        stderr.WriteLine(string.Create(c, $"events: {s.Events}, matches: {s.Matches}"));
        stderr.WriteLine(string.Create(c, $"time: {seconds:F3} s, {s.DecodedBytes / 1e6 / seconds:F1} MB/s"));
    }
}
