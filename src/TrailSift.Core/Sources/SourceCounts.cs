namespace TrailSift.Core.Sources;

/// <summary>What the sources of one scan listed and what they skipped before opening.</summary>
/// <remarks>Thread-safe: counters are updated with interlocked operations.</remarks>
public sealed class SourceCounts
{
    private int _listed;
    private int _prunedFiles;
    private int _prunedDirectories;
    private int _digestFiles;
    private int _skippedByName;

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

    internal void AddListed() => Interlocked.Increment(ref _listed);

    internal void AddPrunedFile() => Interlocked.Increment(ref _prunedFiles);

    internal void AddPrunedDirectory() => Interlocked.Increment(ref _prunedDirectories);

    internal void AddDigest() => Interlocked.Increment(ref _digestFiles);

    // What a source that prunes while listing (S3) skipped for one argument.
    internal void Add(int prunedFiles, int prunedDirectories, int digestFiles, int skippedByName)
    {
        Interlocked.Add(ref _prunedFiles, prunedFiles);
        Interlocked.Add(ref _prunedDirectories, prunedDirectories);
        Interlocked.Add(ref _digestFiles, digestFiles);
        Interlocked.Add(ref _skippedByName, skippedByName);
    }

    /// <summary>Counts an entry that is not a log file.</summary>
    public void AddSkipped() => Interlocked.Increment(ref _skippedByName);
}
