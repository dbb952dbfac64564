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
    /// <summary>The S3 source of a scan: settings from the options and the environment when an argument is an <c>s3://</c> path, defaults otherwise.</summary>
    /// <returns>The source, or null after a usage error was reported.</returns>
    public static S3LogSource? Source(ParsedArgs args, AppEnvironment env, Action<string> usage)
    {
        if (!args.Positionals.Any(S3Uri.IsS3))
        {
            return new S3LogSource(new S3Settings());
        }

        return Settings(args, env, usage) is { } settings ? new S3LogSource(settings) : null;
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
            CacheDirectory = args.Has(S3Options.NoCache.Name) ? null
                : args.Get(S3Options.Cache.Name) ?? DefaultCache(Var("XDG_CACHE_HOME"), Var("HOME")),
        };
    }

    /// <summary>Writes the <c>--stats</c> line of the S3 reader (nothing when no S3 argument was listed).</summary>
    public static void WriteStats(S3LogSource? source, TextWriter stderr)
    {
        if (source?.Counters is { } c)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"s3: list requests {c.ListRequests}, objects listed {c.ObjectsListed}, pruned by key {c.PrunedByKey} (+{c.PrefixesPruned} prefixes), fetched {c.ObjectsFetched}, bytes fetched {c.BytesFetched}, cache hits {c.CacheHits}, retries {c.Retries}"));
        }
    }

    /// <summary>
    /// The S3 part of the progress line: while an argument is listed, the listing's requests and counts; then
    /// fetched objects and bytes, rate and time left.
    /// </summary>
    public static string? Progress(S3LogSource? source, TimeSpan elapsed)
    {
        if (source?.Counters is not { } c)
        {
            return null;
        }

        return source.Listing is { } uri
            ? string.Create(CultureInfo.InvariantCulture, $"; listing {uri}: {c.ListRequests} requests, {c.ObjectsListed} objects listed, {c.PrunedByKey} pruned by key")
            : Progress(c, elapsed);
    }

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
}
