namespace TrailSift.Core.Sources;

/// <summary>
/// What the sources of one scan (or one <c>sync</c>) listed, skipped before opening and fetched: the one set of
/// counters every source updates, local or remote. The remote figures (list requests, GETs, bytes, cache hits,
/// retries) stay zero for local inputs.
/// </summary>
/// <remarks>Thread-safe: counters are updated with interlocked operations and may be read at any time.</remarks>
public sealed class SourceCounts
{
    private int _listed;
    private int _prunedFiles;
    private int _prunedDirectories;
    private int _digestFiles;
    private int _skippedByName;
    private long _listRequests;
    private long _listingsFromCache;
    private long _keysListed;
    private long _objectsFetched;
    private long _bytesFetched;
    private long _bytesToFetch;
    private long _cacheHits;
    private long _retries;

    /// <summary>Objects handed to the scan.</summary>
    public int Listed => Volatile.Read(ref _listed);

    /// <summary>Objects skipped by their CloudTrail name (account, region, time) without opening them.</summary>
    public int PrunedFiles => Volatile.Read(ref _prunedFiles);

    /// <summary>Directories (or key prefixes) skipped without listing them.</summary>
    public int PrunedDirectories => Volatile.Read(ref _prunedDirectories);

    /// <summary>Digest files recognised by name and skipped.</summary>
    public int DigestFiles => Volatile.Read(ref _digestFiles);

    /// <summary>Entries inside walked directories skipped because they are not log files (README.md, a FIFO, ...).</summary>
    public int SkippedByName => Volatile.Read(ref _skippedByName);

    /// <summary>Listing requests sent to a remote source (S3 ListObjectsV2).</summary>
    public long ListRequests => Interlocked.Read(ref _listRequests);

    /// <summary>Folder listings taken from the cache instead of a request (final for the window).</summary>
    public long ListingsFromCache => Interlocked.Read(ref _listingsFromCache);

    /// <summary>Keys seen in remote listings (before pruning by name).</summary>
    public long KeysListed => Interlocked.Read(ref _keysListed);

    /// <summary>Remote objects whose GET completed.</summary>
    public long ObjectsFetched => Interlocked.Read(ref _objectsFetched);

    /// <summary>Body bytes received (including bytes of attempts that were retried).</summary>
    public long BytesFetched => Interlocked.Read(ref _bytesFetched);

    /// <summary>Total listed size of the remote objects that will be fetched (for an ETA).</summary>
    public long BytesToFetch => Interlocked.Read(ref _bytesToFetch);

    /// <summary>Remote objects read from the local cache instead.</summary>
    public long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>Requests retried after throttling, a server error or a dropped connection.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>True when a remote source listed anything (the remote figures are worth showing).</summary>
    public bool AnyRemote => ListRequests > 0 || ListingsFromCache > 0 || CacheHits > 0 || ObjectsFetched > 0;

    /// <summary>Counts an entry that is not a log file.</summary>
    public void AddSkipped() => Interlocked.Increment(ref _skippedByName);

    internal void AddListed() => Interlocked.Increment(ref _listed);

    internal void AddPrunedFile() => Interlocked.Increment(ref _prunedFiles);

    internal void AddPrunedDirectory() => Interlocked.Increment(ref _prunedDirectories);

    internal void AddDigest() => Interlocked.Increment(ref _digestFiles);

    internal void AddListRequest() => Interlocked.Increment(ref _listRequests);

    internal void AddListingFromCache() => Interlocked.Increment(ref _listingsFromCache);

    internal void AddKeyListed() => Interlocked.Increment(ref _keysListed);

    internal void AddFetched() => Interlocked.Increment(ref _objectsFetched);

    internal void AddBytesFetched(long count) => Interlocked.Add(ref _bytesFetched, count);

    internal void AddToFetch(long bytes) => Interlocked.Add(ref _bytesToFetch, bytes);

    internal void AddCacheHit() => Interlocked.Increment(ref _cacheHits);

    internal void AddRetry() => Interlocked.Increment(ref _retries);
}
