namespace TrailSift.Core.Sources.Remote;

/// <summary>What the S3 reader did: listing requests, objects listed and pruned, GETs, bytes, cache hits, retries.</summary>
/// <remarks>Thread-safe (updated with interlocked operations while a scan runs; read at any time).</remarks>
public sealed class S3Counters
{
    private long _listRequests;
    private long _objectsListed;
    private long _prunedByKey;
    private long _prefixesPruned;
    private long _digests;
    private long _objectsFetched;
    private long _bytesFetched;
    private long _cacheHits;
    private long _retries;
    private long _bytesToFetch;

    /// <summary>ListObjectsV2 requests made.</summary>
    public long ListRequests => Interlocked.Read(ref _listRequests);

    /// <summary>Objects seen in listings.</summary>
    public long ObjectsListed => Interlocked.Read(ref _objectsListed);

    /// <summary>Objects never opened because their key (name time, account, region) ruled them out.</summary>
    public long PrunedByKey => Interlocked.Read(ref _prunedByKey);

    /// <summary>Prefixes (folders) never listed because the layout ruled them out.</summary>
    public long PrefixesPruned => Interlocked.Read(ref _prefixesPruned);

    /// <summary>Digest objects recognised by key and skipped.</summary>
    public long Digests => Interlocked.Read(ref _digests);

    /// <summary>Objects whose GET completed.</summary>
    public long ObjectsFetched => Interlocked.Read(ref _objectsFetched);

    /// <summary>Body bytes received from S3 (including bytes of attempts that were retried).</summary>
    public long BytesFetched => Interlocked.Read(ref _bytesFetched);

    /// <summary>Total listed size of the objects that will be fetched (for an ETA).</summary>
    public long BytesToFetch => Interlocked.Read(ref _bytesToFetch);

    /// <summary>Objects read from the local cache instead of S3.</summary>
    public long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>Requests retried after throttling, a server error or a dropped connection.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    internal void ListRequest() => Interlocked.Increment(ref _listRequests);

    internal void Listed(int count) => Interlocked.Add(ref _objectsListed, count);

    internal void PrunedKey() => Interlocked.Increment(ref _prunedByKey);

    internal void PrunedPrefix() => Interlocked.Increment(ref _prefixesPruned);

    internal void Digest() => Interlocked.Increment(ref _digests);

    internal void Fetched() => Interlocked.Increment(ref _objectsFetched);

    internal void Bytes(long count) => Interlocked.Add(ref _bytesFetched, count);

    internal void WillFetch(long bytes) => Interlocked.Add(ref _bytesToFetch, bytes);

    internal void CacheHit() => Interlocked.Increment(ref _cacheHits);

    internal void Retry() => Interlocked.Increment(ref _retries);
}
