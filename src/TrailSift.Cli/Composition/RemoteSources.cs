using System.Globalization;
using TrailSift.Cli.Settings;
using TrailSift.Core.Aws;
using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Remote;

namespace TrailSift.Cli.Composition;

/// <summary>
/// The CLI side of the S3 source: turns the S3 options and the AWS environment variables into
/// <see cref="S3Settings"/> (Core reads no environment) for the <see cref="S3LogSource"/> registered in the scan's
/// <see cref="SourceRegistry"/>, and writes the S3 lines of <c>--stats</c> and the progress line.
/// </summary>
public static class RemoteSources
{
    /// <summary>Unread bytes buffered for all the objects read ahead together (each object's share is this over their number).</summary>
    public const int ReadAheadBytes = 32 * 1024 * 1024;

    /// <summary>
    /// The S3 source of a scan: settings from the options and the environment when an argument is an <c>s3://</c> path,
    /// defaults otherwise. It is disposed (its SDK clients with it) when the command run ends.
    /// </summary>
    /// <param name="args">The parsed arguments.</param>
    /// <param name="env">The process environment; the source is registered in its <see cref="AppEnvironment.Resources"/>.</param>
    /// <param name="usage">Receives a usage error.</param>
    /// <param name="readAhead">Objects read ahead (<c>--io</c>) when given; else the S3 concurrency.</param>
    /// <returns>The source, or null after a usage error was reported.</returns>
    public static S3LogSource? Source(ParsedArgs args, AppEnvironment env, Action<string> usage, int? readAhead = null)
    {
        if (!args.Positionals.Any(S3Uri.IsS3))
        {
            return env.Resources.Own(new S3LogSource(new S3Settings()));
        }

        return Settings(args, env, usage, readAhead) is { } settings ? env.Resources.Own(new S3LogSource(settings)) : null;
    }

    /// <summary>
    /// The S3 settings from the options and the environment; null after a usage error. Each object read ahead may
    /// buffer <see cref="ReadAheadBytes"/> over the number read ahead (<paramref name="readAhead"/>, else the
    /// concurrency), between 64 KiB and 1 MiB, so memory stays bounded whatever the concurrency.
    /// </summary>
    public static S3Settings? Settings(ParsedArgs args, AppEnvironment env, Action<string> usage, int? readAhead = null)
    {
        string? Var(string name) => env.Variables.TryGetValue(name, out string? v) && v.Length > 0 ? v : null;

        int concurrency = Math.Clamp(env.ProcessorCount * 8, 8, 64);
        if (args.Get(S3Options.Concurrency.Name) is string c && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out concurrency) || concurrency is < 1 or > 256))
        {
            usage($"--s3-concurrency: expected a number from 1 to 256, got '{c}'");
            return null;
        }

        string? endpoint;
        try
        {
            endpoint = AwsEndpoints.Configured(AwsSettings.FromVariables(env.Variables, endpointUrl: args.Get(S3Options.EndpointUrl.Name)), AwsService.S3)?.OriginalString;
        }
        catch (AwsAccessException e)
        {
            usage(e.Message);
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
            BufferBytesPerObject = Math.Clamp(ReadAheadBytes / (readAhead ?? concurrency), 64 * 1024, 1024 * 1024),
            CaBundle = Var("AWS_CA_BUNDLE"),
            CacheDirectory = args.Has(S3Options.NoCache.Name) ? null
                : args.Get(S3Options.Cache.Name) ?? DefaultCache(Var("XDG_CACHE_HOME"), Var("HOME")),
        };
    }

    /// <summary>Writes the <c>--stats</c> line of the S3 reader (nothing when no remote object was listed or read).</summary>
    public static void WriteStats(SourceCounts c, TextWriter stderr)
    {
        if (c.AnyRemote)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"s3: list requests {c.ListRequests}, listings from the cache {c.ListingsFromCache}, objects listed {c.KeysListed}, pruned by key {c.PrunedFiles} (+{c.PrunedDirectories} prefixes), fetched {c.ObjectsFetched}, bytes fetched {c.BytesFetched}, cache hits {c.CacheHits}, retries {c.Retries}"));
        }
    }

    /// <summary>The S3 part of the progress line (listing and fetching overlap: keys listed, objects fetched, bytes, rate, time left); null for local inputs.</summary>
    public static string? ScanProgress(SourceCounts c, TimeSpan elapsed) => c.AnyRemote ? Progress(c, elapsed) : null;

    /// <summary>The S3 part of a progress line for <paramref name="c"/>.</summary>
    public static string Progress(SourceCounts c, TimeSpan elapsed)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        double rate = c.BytesFetched / seconds;
        string eta = rate > 0 && c.BytesToFetch > c.BytesFetched
            ? TimeSpan.FromSeconds(Math.Ceiling((c.BytesToFetch - c.BytesFetched) / rate)).ToString(@"m\:ss", CultureInfo.InvariantCulture)
            : "0:00";
        return string.Create(CultureInfo.InvariantCulture,
            $"; s3: {c.ListRequests} list requests, {c.KeysListed} listed, {c.ObjectsFetched} fetched, {c.CacheHits} cached, {c.BytesFetched / 1e6:F1} MB at {rate / 1e6:F1} MB/s, ETA {eta}");
    }

    private static string? DefaultCache(string? xdg, string? home) =>
        xdg is not null ? Path.Combine(xdg, "trailsift")
        : home is not null ? Path.Combine(home, ".cache", "trailsift")
        : null;
}
