using System.Globalization;
using System.Net.Http;
using TrailSift.Core.Analysis.Recording;
using TrailSift.Core.Aws;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Output.Recording;
using TrailSift.Core.Sources.Remote.CloudTrail;

namespace TrailSift.Cli.Commands;

/// <summary>The regions: the sentinels, the wait for their delivery and the verdict per region.</summary>
public sealed partial class RecordCommand
{
    private const int SentinelConcurrency = 8;

    // One DescribeTrails per region with the recording credentials, in the second two past the run's last one, so the
    // sentinel's event time is past the command's window. A denied sentinel is logged too and serves as well. A region
    // that refuses the credentials themselves (an opt-in region the account has not enabled) or has no reachable
    // endpoint, while other regions take them, is not watched: COMMAND's calls there failed the same way, unlogged.
    private static Sentinels SendSentinels(AwsConnection recording, IReadOnlyList<string> regions, DateTimeOffset end, AppEnvironment env)
    {
        WallClock.SleepUntil(DateTimeOffset.FromUnixTimeSeconds(end.ToUnixTimeSeconds() + 2), env.Time);

        DateTimeOffset at = env.Time.GetUtcNow();
        var unusable = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        int taken = 0;
        using var client = new AwsClient(recording, AwsService.CloudTrail);
        Parallel.ForEachAsync(regions, new ParallelOptions { MaxDegreeOfParallelism = SentinelConcurrency }, async (region, cancel) =>
        {
            try
            {
                await client.JsonAsync(region, SentinelTarget, "{}"u8.ToArray(), cancel).ConfigureAwait(false);
                Interlocked.Increment(ref taken);
            }
            catch (AwsServiceException e) when (e.ErrorCode is "UnrecognizedClientException" or "InvalidClientTokenId" || IsUnreachable(e))
            {
                unusable[region] = e.Describe();
            }
            catch (AwsServiceException e) when (e.StatusCode is not null)
            {
                Interlocked.Increment(ref taken);
                env.Stderr.WriteLine($"trailsift record: {region}: sentinel answered {e.ErrorCode} (it is logged all the same)");
            }
            catch (AwsServiceException e)
            {
                env.Stderr.WriteLine($"trailsift record: {region}: sentinel failed: {e.Describe()}; the region cannot be confirmed complete");
            }
        }).GetAwaiter().GetResult();

        // Credentials refused everywhere are not a region's state: then every region stays watched (and incomplete).
        IReadOnlyDictionary<string, string> refused = taken > 0 ? new SortedDictionary<string, string>(unusable, StringComparer.Ordinal) : new Dictionary<string, string>();
        foreach ((string region, string why) in unusable.Where(_ => taken == 0).OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            env.Stderr.WriteLine($"trailsift record: {region}: sentinel failed: {why}; the region cannot be confirmed complete");
        }

        return new Sentinels(at, refused);
    }

    private static bool IsUnreachable(AwsServiceException e) =>
        e.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError };

    private static WatchResult Watch(AwsConnection caller, string? account, RecordedRun run, IReadOnlyList<string> regions, string recordingKey,
        DateTimeOffset sentinelAt, RecordOptions o, AppEnvironment env, RecordSignals signals)
    {
        var attribution = new RunAttribution(run);
        // Calls of --also principals and of chained sessions (which carry the source identity) have other keys: then the window alone.
        LookupAttribute? attribute = o.Also.Count > 0 || run.SourceIdentity is not null ? null
            : LookupAttributes.Choose(run.AccessKeyId, [], run.CallerArn);
        long sentinelSecond = sentinelAt.ToUnixTimeSeconds();

        string? Keep(byte[] e)
        {
            using EventRecord r = EventRecord.Parse(e);
            return attribution.Matches(r) && r.Root.GetProperty("eventID"u8) is { Kind: JsonKind.String } id ? id.GetString() : null;
        }

        bool IsSentinel(string region, byte[] e)
        {
            using EventRecord r = EventRecord.Parse(e);
            return r.EventName is { Kind: JsonKind.String } n && n.GetString() == "DescribeTrails"
                && r.AwsRegion is { Kind: JsonKind.String } a && a.GetString() == region
                && r.UserIdentity.GetProperty("accessKeyId"u8) is { Kind: JsonKind.String } k && k.GetString() == recordingKey
                && r.EventTime is { } t && t.ToUnixTimeSeconds() >= sentinelSecond;
        }

        using var lookup = new CloudTrailLookup(caller, account);
        var watch = new CloudTrailWatch(lookup);

        // Interrupted while COMMAND ran: one lookup of the window so far, no wait.
        DateTimeOffset deadline = signals.Received is null ? run.End + o.Deadline : env.Time.GetUtcNow();
        return watch.RunAsync(regions, DateTimeOffset.FromUnixTimeSeconds(run.FirstSecond), attribute, deadline, o.Poll, Keep, IsSentinel,
            p => WriteProgress(p, env), signals.Stop).GetAwaiter().GetResult();
    }

    private static void WriteProgress(WatchProgress p, AppEnvironment env)
    {
        string pending = p.Pending.Count == 0 ? "none"
            : p.Pending.Count <= 4 ? string.Join(", ", p.Pending)
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", p.Pending.Take(3))} and {p.Pending.Count - 3} more");
        string left = p.Left <= TimeSpan.Zero ? "0:00" : p.Left.ToString(@"m\:ss", CultureInfo.InvariantCulture);
        string line = string.Create(CultureInfo.InvariantCulture, $"trailsift record: waiting for CloudTrail: {p.Events} events so far; pending: {pending}; {left} left");
        env.Stderr.Write(env.StderrIsTerminal ? "\r\x1b[K" + line : line + "\n");
        if (env.StderrIsTerminal && p.Pending.Count == 0)
        {
            env.Stderr.WriteLine();
        }
    }

    // The closing report (Output/Recording/RegionReport); true when the recording may miss calls.
    private static bool ReportRegions(RegionVerdict verdict, AppEnvironment env)
    {
        var report = new RegionReport(verdict.Discovered, verdict.CallRegions, verdict.Watched.Complete, verdict.Watched.Errors, verdict.Refused,
            verdict.Interrupted);
        report.Write(env.Stderr, env.StderrIsTerminal);
        return report.Incomplete;
    }

    /// <summary>When the sentinels were sent, and the regions that refused them (region: why).</summary>
    private sealed record Sentinels(DateTimeOffset At, IReadOnlyDictionary<string, string> Refused);
}
