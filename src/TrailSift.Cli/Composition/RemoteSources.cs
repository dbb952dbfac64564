using System.Globalization;
using System.Runtime.CompilerServices;
using TrailSift.Cli.Settings;
using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Remote;

namespace TrailSift.Cli.Composition;

/// <summary>
/// Resolves the PATH arguments of a scan, local and <c>s3://</c> ones mixed, in argument order; turns the S3
/// options and the AWS environment variables into <see cref="S3Settings"/> (Core reads no environment); and
/// writes the S3 lines of <c>--stats</c> and the progress line.
/// </summary>
public static class RemoteSources
{
    private static readonly ConditionalWeakTable<SourceSet, S3Source> Remote = [];

    /// <summary>True when <paramref name="arg"/> is an S3 path.</summary>
    public static bool IsRemote(string arg) => S3Uri.IsS3(arg);

    /// <summary>Finds the objects of <paramref name="paths"/>; runs of local paths go to <see cref="LocalSourceFinder"/>.</summary>
    /// <returns>The sources, or null after a usage error was reported.</returns>
    public static SourceSet? Find(IReadOnlyList<string> paths, PruneOptions prune, ParsedArgs args, AppEnvironment env, Action<string, string> report, Action<string> usage)
    {
        if (!paths.Any(IsRemote))
        {
            return new LocalSourceFinder(prune, report).Find(paths);
        }

        S3Settings? settings = Settings(args, env, usage);
        if (settings is null)
        {
            return null;
        }

        S3Source? source = null;
        var parts = new List<SourceSet>();
        var run = new List<string>();
        foreach (string path in paths)
        {
            if (!IsRemote(path))
            {
                run.Add(path);
                continue;
            }

            Flush(run, parts, prune, report);
            if (S3Uri.TryParse(path) is not { } uri)
            {
                report(path, "not an S3 path: expected s3://bucket[/prefix]");
                continue;
            }

            try
            {
                source ??= new S3Source(settings);
            }
            catch (S3AccessException e)
            {
                report(path, e.Message);
                continue;
            }

            parts.Add(Listing(source, uri, prune, report, env.StderrIsTerminal && !args.Has(ScanOptions.NoProgress.Name) ? env.Stderr : null));
        }

        Flush(run, parts, prune, report);
        SourceSet all = Concat(parts);
        if (source is not null)
        {
            Remote.AddOrUpdate(all, source);
        }

        return all;
    }

    // Lists one argument; on a terminal, a long listing shows its progress on stderr (after the first second).
    private static SourceSet Listing(S3Source source, S3Uri uri, PruneOptions prune, Action<string, string> report, TextWriter? progress)
    {
        if (progress is null)
        {
            return source.Resolve([uri], prune, report);
        }

        bool shown = false, done = false;
        var gate = new object();
        using (var timer = new Timer(_ =>
        {
            lock (gate)
            {
                if (done)
                {
                    return;
                }

                S3Counters c = source.Counters;
                progress.Write(string.Create(CultureInfo.InvariantCulture, $"\rlisting {uri}: {c.ListRequests} requests, {c.ObjectsListed} objects listed, {c.PrunedByKey} pruned by key\u001b[K"));
                shown = true;
            }
        }, null, 1000, 250))
        {
            void Clear()
            {
                lock (gate)
                {
                    if (shown)
                    {
                        progress.Write("\r\u001b[K");
                        shown = false;
                    }
                }
            }

            SourceSet found = source.Resolve([uri], prune, (path, reason) =>
            {
                Clear();
                report(path, reason);
            });
            lock (gate)
            {
                done = true;
            }

            Clear();
            return found;
        }
    }

    /// <summary>The S3 settings from the options and the environment; null after a usage error.</summary>
    public static S3Settings? Settings(ParsedArgs args, AppEnvironment env, Action<string> usage)
    {
        string? Var(string name) => env.Variables.TryGetValue(name, out string? v) && v.Length > 0 ? v : null;

        int concurrency = Math.Clamp(env.ProcessorCount * 8, 8, 64);
        if (args.Get(S3Options.Concurrency.Name) is string c && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out concurrency) || concurrency is < 1 or > 256))
        {
            usage($"--s3-concurrency: expected a number from 1 to 256, got '{c}'");
            return null;
        }

        bool ignoreEndpoints = Var("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") is "true" or "TRUE" or "True";
        string? endpoint = args.Get(S3Options.EndpointUrl.Name) ?? (ignoreEndpoints ? null : Var("AWS_ENDPOINT_URL_S3") ?? Var("AWS_ENDPOINT_URL"));
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            usage($"--endpoint-url: expected a URL such as http://127.0.0.1:9000, got '{endpoint}'");
            return null;
        }

        string? keyId = Var("AWS_ACCESS_KEY_ID");
        string? profile = args.Get(S3Options.Profile.Name) ?? (keyId is null ? Var("AWS_PROFILE") : null);
        return new S3Settings
        {
            Profile = profile,
            Region = args.Get(S3Options.S3Region.Name) ?? Var("AWS_REGION") ?? Var("AWS_DEFAULT_REGION"),
            EndpointUrl = endpoint,
            NoSignRequest = args.Has(S3Options.NoSignRequest.Name),
            AccessKeyId = keyId,
            SecretAccessKey = Var("AWS_SECRET_ACCESS_KEY"),
            SessionToken = Var("AWS_SESSION_TOKEN"),
            Concurrency = concurrency,
            CacheDirectory = args.Has(S3Options.NoCache.Name) ? null
                : args.Get(S3Options.Cache.Name) ?? DefaultCache(Var("XDG_CACHE_HOME"), Var("HOME")),
        };
    }

    /// <summary>The S3 reader behind <paramref name="sources"/>, when it has S3 objects.</summary>
    public static S3Counters? CountersOf(SourceSet sources) => Remote.TryGetValue(sources, out S3Source? s) ? s.Counters : null;

    /// <summary>Writes the <c>--stats</c> line of the S3 reader (nothing for local sources).</summary>
    public static void WriteStats(SourceSet sources, TextWriter stderr)
    {
        if (CountersOf(sources) is { } c)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"s3: list requests {c.ListRequests}, objects listed {c.ObjectsListed}, pruned by key {c.PrunedByKey} (+{c.PrefixesPruned} prefixes), fetched {c.ObjectsFetched}, bytes fetched {c.BytesFetched}, cache hits {c.CacheHits}, retries {c.Retries}"));
        }
    }

    /// <summary>The S3 part of the progress line: fetched objects and bytes, rate and time left.</summary>
    public static string? Progress(SourceSet sources, TimeSpan elapsed) => CountersOf(sources) is { } c ? Progress(c, elapsed) : null;

    /// <summary>The S3 part of a progress line for <paramref name="c"/>.</summary>
    public static string Progress(S3Counters c, TimeSpan elapsed)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        double rate = c.BytesFetched / seconds;
        string eta = rate > 0 && c.BytesToFetch > c.BytesFetched
            ? TimeSpan.FromSeconds(Math.Ceiling((c.BytesToFetch - c.BytesFetched) / rate)).ToString(@"m\:ss", CultureInfo.InvariantCulture)
            : "0:00";
        return string.Create(CultureInfo.InvariantCulture,
            $"; s3: {c.ObjectsListed} listed, {c.ObjectsFetched} fetched, {c.CacheHits} cached, {c.BytesFetched / 1e6:F1} MB at {rate / 1e6:F1} MB/s, ETA {eta}");
    }

    private static string? DefaultCache(string? xdg, string? home) =>
        xdg is not null ? Path.Combine(xdg, "trailsift")
        : home is not null ? Path.Combine(home, ".cache", "trailsift")
        : null;

    private static void Flush(List<string> run, List<SourceSet> parts, PruneOptions prune, Action<string, string> report)
    {
        if (run.Count > 0)
        {
            parts.Add(new LocalSourceFinder(prune, report).Find(run));
            run.Clear();
        }
    }

    private static SourceSet Concat(List<SourceSet> parts)
    {
        var objects = new List<LogObject>();
        int prunedFiles = 0, prunedDirs = 0, digests = 0, notLogs = 0;
        foreach (SourceSet p in parts)
        {
            objects.AddRange(p.Objects);
            prunedFiles += p.PrunedFiles;
            prunedDirs += p.PrunedDirectories;
            digests += p.DigestFiles;
            notLogs += p.SkippedByName;
        }

        return new SourceSet(objects, prunedFiles, prunedDirs, digests) { SkippedByName = notLogs };
    }
}
