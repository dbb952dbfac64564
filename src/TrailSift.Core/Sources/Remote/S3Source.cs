using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Lists <c>s3://bucket[/prefix]</c> arguments into <see cref="LogObject"/>s (shown as <c>s3://bucket/key</c>,
/// named from the key, opened as a streamed GET or from the cache), pruning by the CloudTrail layout while
/// listing, and handing each object on as soon as its place in key order is known. Nothing downstream knows the
/// objects come from S3: the scan's read-ahead stage opens them ahead of the workers like any remote object.
/// </summary>
/// <remarks>Thread-safe; one instance per command run (it owns the SDK clients).</remarks>
public sealed class S3Source : IDisposable
{
    private readonly S3Connection _connection;
    private readonly ObjectCache? _cache;
    private readonly ListingCache? _listings;
    private readonly ConcurrentDictionary<Task, bool> _fills = new();

    /// <summary>Creates the source; credentials are looked up at the first request (missing ones are reported against the folder being listed).</summary>
    public S3Source(S3Settings settings)
    {
        _connection = new S3Connection(settings);
        _cache = settings.CacheDirectory is { Length: > 0 } dir ? new ObjectCache(dir) : null;
        _listings = settings.CacheDirectory is { Length: > 0 } root ? new ListingCache(root) : null;
        _cache?.PruneUnused();
    }

    /// <summary>
    /// The objects of <paramref name="uri"/> in key order, streamed while later folders are still listed. Prefixes that
    /// cannot be listed are reported through <paramref name="scope"/> and the rest go on; pruning, listing and
    /// fetching are counted in <see cref="SourceScope.Counts"/>.
    /// </summary>
    public async IAsyncEnumerable<LogObject> ListAsync(S3Uri uri, SourceScope scope, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        var lister = new S3Lister(_connection, scope.Prune, scope.ReportError, scope.Counts, forSync: false, _listings);
        await foreach ((RemoteObject o, Task<bool>? confirmation) in lister.ListAheadAsync(uri, cancel).ConfigureAwait(false))
        {
            yield return ToLogObject(o, scope.Counts, confirmation);
        }
    }

    private LogObject ToLogObject(RemoteObject o, SourceCounts counts, Task<bool>? confirmation)
    {
        CloudTrailObjectName? name = CloudTrailObjectName.TryParse(o.Key);
        if (_cache?.TryGet(o) is { } cached)
        {
            return new LogObject(o.Display, o.Size, () =>
            {
                counts.AddCacheHit();
                return new FileStream(cached, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            }, name) { Confirmation = confirmation };
        }

        counts.AddToFetch(o.Size);
        return new LogObject(o.Display, o.Size, cancel =>
        {
            Stream stream = ObjectDownload.Start(_connection, _cache, counts, o, cancel, out Task fill);
            _fills[fill] = true;
            fill.ContinueWith(t => _fills.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return Task.FromResult(stream);
        }, name) { Confirmation = confirmation };
    }

    /// <summary>How long <see cref="Dispose"/> waits for GETs still ending (cancelled ones remove their partial cache files).</summary>
    internal static readonly TimeSpan DrainFor = TimeSpan.FromSeconds(2);

    /// <summary>Waits (at most <see cref="DrainFor"/>) for the GETs still ending, then closes the SDK clients.</summary>
    public void Dispose()
    {
        try
        {
            Task.WaitAll([.. _fills.Keys], DrainFor);
        }
        catch (AggregateException)
        {
            // Their failures were delivered to their readers.
        }

        _connection.Dispose();
    }
}
