using System.Globalization;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Settings;
using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Remote;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift sync s3://bucket[/prefix]... DIR</c>: copies the trail objects a window allows, layout kept, resumable.</summary>
public sealed class SyncCommand : ICommand
{
    private const string Select = "Selecting objects (by key, before anything is fetched)";

    private static readonly OptionSpec Quiet = new("quiet", OptionArity.Flag, "print neither progress nor the summary", Short: 'q', Group: "Other");

    /// <inheritdoc />
    public string Name => "sync";

    /// <inheritdoc />
    public string Usage => "sync s3://bucket[/prefix]... DIR [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "copy a trail's objects from S3 to a local folder (pruned, parallel, resumable)";

    /// <inheritdoc />
    public string Details => """
        Keys keep their path under DIR (DIR/AWSLogs/...), so DIR is an input for every command. Only the
        prefixes and keys that --account/--region/--since/--until allow are listed and fetched. Files are
        written under a temporary name and renamed when whole; an interrupted sync resumes where it stopped;
        files already there with the listed size are not fetched again. Digest files are copied with their
        S3 signature metadata in <digest>.signature (JSON: x-amz-meta-signature, x-amz-meta-signature-algorithm).

        Examples:
          trailsift sync s3://trail-bucket/AWSLogs/o-abc123/ logs --account 111122223333 --since 7d
          trailsift denied logs --since 7d
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        ScanOptions.Account with { Group = Select }, ScanOptions.Region with { Group = Select, Help = "region (prunes S3-layout prefixes)" },
        ScanOptions.Since with { Group = Select }, ScanOptions.Until with { Group = Select }, ScanOptions.DeliveryDelay with { Group = Select },
        .. S3Options.All.Where(o => o != S3Options.Cache && o != S3Options.NoCache),
        S3Options.Cache with { Help = "keep folder listings in DIR, reused when final for the window (default: $XDG_CACHE_HOME/trailsift or ~/.cache/trailsift)" },
        S3Options.NoCache with { Help = "list every folder again; keep no listing" },
        ScanOptions.Stats with { Group = "Other", Help = "print S3 statistics to stderr" }, ScanOptions.NoProgress with { Group = "Other" }, Quiet, ScanOptions.Help,
    ];

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var reporter = new Reporting.ConsoleReporter(env.Stderr);
        List<string> positionals = args.Positionals;
        if (positionals.Count < 2 || !positionals[..^1].All(S3Uri.IsS3) || S3Uri.IsS3(positionals[^1]))
        {
            reporter.Message($"usage: trailsift {Usage}");
            return ExitCodes.Error;
        }

        PruneOptions? prune = Prune(args, env, reporter);
        S3Settings? settings = prune is null ? null : RemoteSources.Settings(args, env, reporter.Message);
        if (prune is null || settings is null)
        {
            return ExitCodes.Error;
        }

        var uris = new List<S3Uri>();
        foreach (string p in positionals[..^1])
        {
            if (S3Uri.TryParse(p) is not { } uri)
            {
                reporter.Message($"{p}: expected s3://bucket[/prefix]");
                return ExitCodes.Error;
            }

            uris.Add(uri);
        }

        S3Sync sync;
        try
        {
            sync = new S3Sync(settings);
        }
        catch (S3AccessException e)
        {
            reporter.Report(positionals[0], e.Message);
            return ExitCodes.Error;
        }

        using (sync)
        {
            bool quiet = args.Has(Quiet.Name);
            bool progress = env.StderrIsTerminal && !quiet && !args.Has(ScanOptions.NoProgress.Name);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var ticker = progress ? new Timer(_ => Show(env.Stderr, sync.Counters, clock.Elapsed), null, 1000, 500) : null;
            SyncOutcome outcome;
            using (env.Resources.Interruptible())
            {
                // Ctrl-C cancels the copies in flight; their .part files stay for the next run to resume.
                outcome = sync.Run(uris, positionals[^1], prune, reporter.Report, env.Resources.Cancellation);
            }

            ticker?.Dispose();
            if (progress)
            {
                env.Stderr.Write(Core.Output.TerminalText.LineStart + Core.Output.TerminalText.ClearToEnd);
            }

            SourceCounts c = sync.Counters;
            if (!quiet)
            {
                reporter.Message(string.Create(CultureInfo.InvariantCulture,
                    $"sync: {outcome.Objects} objects in the window: {outcome.Fetched} fetched ({c.BytesFetched} bytes), {outcome.UpToDate} already there, {outcome.Failed} failed"));
            }

            if (args.Has(ScanOptions.Stats.Name))
            {
                env.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"s3: list requests {c.ListRequests}, objects listed {c.KeysListed}, pruned by key {c.PrunedFiles} (+{c.PrunedDirectories} prefixes), fetched {c.ObjectsFetched}, bytes fetched {c.BytesFetched}, retries {c.Retries}, time {clock.Elapsed.TotalSeconds:F3} s"));
            }

            return reporter.Problems > 0 ? ExitCodes.Error : outcome.Objects > 0 ? ExitCodes.Results : ExitCodes.NoResults;
        }
    }

    private static void Show(TextWriter stderr, SourceCounts c, TimeSpan elapsed)
    {
        string? line = RemoteSources.Progress(c, elapsed);
        lock (stderr)
        {
            stderr.Write(Core.Output.TerminalText.LineStart + line?.TrimStart(';', ' ') + Core.Output.TerminalText.ClearToEnd);
        }
    }

    private static PruneOptions? Prune(ParsedArgs args, AppEnvironment env, Reporting.ConsoleReporter reporter) =>
        ScanPlanWindow.Read(args, env.Time.GetUtcNow(), reporter.Message);
}
