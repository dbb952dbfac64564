namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Resolves <c>s3://bucket[/prefix]</c> arguments into <see cref="LogObject"/>s (shown as <c>s3://bucket/key</c>,
/// named from the key, opened as a streamed, prefetched GET or from the cache), pruning by the CloudTrail
/// layout while listing. Nothing downstream knows the objects come from S3.
/// </summary>
/// <remarks>Thread-safe; one instance per command run (it owns the SDK clients).</remarks>
public sealed class S3Source : IDisposable
{
    private readonly S3Connection _connection;
    private readonly ObjectCache? _cache;

    /// <summary>Creates the source; throws <see cref="S3AccessException"/> when no credentials can be found.</summary>
    public S3Source(S3Settings settings)
    {
        Counters = new S3Counters();
        _connection = new S3Connection(settings, Counters);
        _cache = settings.CacheDirectory is { Length: > 0 } dir ? new ObjectCache(dir) : null;
        _cache?.PruneUnused();
    }

    /// <summary>What listing and fetching did so far.</summary>
    public S3Counters Counters { get; }

    /// <summary>
    /// Lists <paramref name="uris"/> (in order; each in key order) and returns the objects to scan.
    /// Prefixes that cannot be listed are reported as <c>(s3://…, reason)</c> and the rest go on.
    /// </summary>
    public SourceSet Resolve(IReadOnlyList<S3Uri> uris, PruneOptions options, Action<string, string> report, CancellationToken cancel = default)
    {
        long pruned = Counters.PrunedByKey, prefixes = Counters.PrefixesPruned, digests = Counters.Digests;
        var prefetcher = new Prefetcher(_connection, _cache);
        var objects = new List<LogObject>();
        int skippedByName = 0;
        foreach (S3Uri uri in uris)
        {
            var lister = new S3Lister(_connection, options, report, forSync: false, cancel);
            IReadOnlyList<RemoteObject> listed = lister.ListAsync(uri).GetAwaiter().GetResult();
            skippedByName += lister.SkippedByName;
            foreach (RemoteObject o in listed)
            {
                objects.Add(ToLogObject(o, prefetcher));
            }
        }

        return new SourceSet(objects, (int)(Counters.PrunedByKey - pruned), (int)(Counters.PrefixesPruned - prefixes), (int)(Counters.Digests - digests))
        {
            SkippedByName = skippedByName,
        };
    }

    private LogObject ToLogObject(RemoteObject o, Prefetcher prefetcher)
    {
        CloudTrailObjectName? name = CloudTrailObjectName.TryParse(o.Key);
        if (_cache?.TryGet(o) is { } cached)
        {
            return new LogObject(o.Display, o.Size, () =>
            {
                Counters.CacheHit();
                return new FileStream(cached, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            }, name);
        }

        Counters.WillFetch(o.Size);
        int index = prefetcher.Add(o);
        return new LogObject(o.Display, o.Size, () => prefetcher.Open(index), name);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
