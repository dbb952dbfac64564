using System.Globalization;
using TrailSift.Cli.Reporting;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Cli.Composition;

/// <summary>Runs a <see cref="ScanPlan"/> with per-worker sinks, the progress line and <c>--stats</c>.</summary>
public static class ScanRunner
{
    /// <summary>Scans and returns the merged statistics and the workers' sinks; <paramref name="context"/> names the events the analysis needs besides the selected ones.</summary>
    public static ScanResult<TSink> Run<TSink>(ScanPlan plan, AppEnvironment env, ConsoleReporter reporter, Func<TSink> createSink,
        IEventPredicate? context = null, CancellationToken cancel = default)
        where TSink : IEventSink, ISequencedSink
    {
        var scope = new SourceScope(plan.Prune, reporter.Report) { FollowLinks = plan.FollowLinks };
        ProgressLine? progress = plan.Progress ? new ProgressLine(env.Stderr, () => scope.Counts.Listed) { Extra = e => RemoteSources.ScanProgress(scope.Counts, e) } : null;
        reporter.Progress = progress;
        var scanner = new ParallelScanner { Threads = plan.Threads, Context = context, IoConcurrency = plan.IoConcurrency };
        ScanResult<TSink> result;
        using (env.Resources.Interruptible())
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, env.Resources.Cancellation))
        {
            result = scanner.Run(plan.Sources.ListAsync(plan.Inputs, scope, stop.Token), plan.Predicate, createSink, reporter,
                progress is null ? null : progress.Update, stop.Token);
        }

        // Ctrl-C: what was scanned is not the answer; App.Run ends the run with the interrupted exit code.
        env.Resources.Cancellation.ThrowIfCancellationRequested();
        progress?.Clear();
        reporter.Progress = null;
        SourceCounts counts = scope.Counts;
        result.Stats.FilesPruned += counts.PrunedFiles;
        result.Stats.DirectoriesPruned += counts.PrunedDirectories;
        result.Stats.DigestFiles += counts.DigestFiles;
        result.Stats.SkippedByName += counts.SkippedByName;
        result.Stats.FilesSeen = result.Stats.FilesOpened + counts.PrunedFiles + counts.DigestFiles;
        WriteWindowNote(plan, result.Stats, reporter);
        if (plan.Stats)
        {
            WriteStats(env.Stderr, result.Stats);
            RemoteSources.WriteStats(counts, env.Stderr);
            ProcessFigures.Write(env.Stderr, "scan end");
        }

        return result;
    }

    // A window beside the data says so (issue #17): "no data there" must not read as "nothing found".
    private static void WriteWindowNote(ScanPlan plan, ScanStats stats, ConsoleReporter reporter)
    {
        if (plan.Window is not { } window)
        {
            return;
        }

        if (window.Note() is string note)
        {
            reporter.Message(note);
        }
        else if (stats.FilesOpened == 0 && stats.FilesPruned + stats.DirectoriesPruned > 0)
        {
            // Pruned by the times in their paths, before opening: the input has no data in the window.
            reporter.Message(string.Create(CultureInfo.InvariantCulture,
                $"no event in the window ({window.Describe()}): every input was skipped by the date in its path ({stats.FilesPruned} files, {stats.DirectoriesPruned} directories); the input has no data there"));
        }
    }

    /// <summary>Writes the statistics block (stable wording: the benchmark parses it).</summary>
    public static void WriteStats(TextWriter stderr, ScanStats s)
    {
        double seconds = Math.Max(s.Elapsed.TotalSeconds, 1e-9);
        CultureInfo c = CultureInfo.InvariantCulture;
        stderr.WriteLine(string.Create(c, $"files: seen {s.FilesSeen}, pruned {s.FilesPruned} (+{s.DirectoriesPruned} directories), digest {s.DigestFiles}, not logs {s.SkippedByName}, opened {s.FilesOpened}, failed {s.FilesFailed}"));
        stderr.WriteLine(string.Create(c, $"bytes: compressed {s.StoredBytes}, uncompressed {s.DecodedBytes}"));
        stderr.WriteLine(string.Create(c, $"events: {s.Events}, matches: {s.Matches}"));
        if (s.Utf8Replacements > 0)
        {
            stderr.WriteLine(string.Create(c, $"invalid UTF-8: {s.Utf8Replacements} sequences replaced with U+FFFD"));
        }

        stderr.WriteLine(string.Create(c, $"time: {seconds:F3} s, {s.DecodedBytes / 1e6 / seconds:F1} MB/s"));
    }
}
