namespace TrailSift.Core.Scan;

/// <summary>Counters of one scan; workers keep their own and <see cref="Add"/> merges them.</summary>
/// <remarks>Mutable; not thread-safe (one per worker, merged at the end).</remarks>
public sealed class ScanStats
{
    /// <summary>Files found (opened or pruned).</summary>
    public int FilesSeen { get; set; }

    /// <summary>Files and directories skipped by path before opening.</summary>
    public int FilesPruned { get; set; }

    /// <summary>Directories skipped by path.</summary>
    public int DirectoriesPruned { get; set; }

    /// <summary>CloudTrail digest files recognised and skipped.</summary>
    public int DigestFiles { get; set; }

    /// <summary>Files in walked directories whose names are not log names.</summary>
    public int SkippedByName { get; set; }

    /// <summary>Files opened.</summary>
    public int FilesOpened { get; set; }

    /// <summary>Files with at least one reported problem.</summary>
    public int FilesFailed { get; set; }

    /// <summary>Stored (compressed) bytes read.</summary>
    public long StoredBytes { get; set; }

    /// <summary>Decoded (uncompressed JSON) bytes read.</summary>
    public long DecodedBytes { get; set; }

    /// <summary>Events read.</summary>
    public long Events { get; set; }

    /// <summary>Events selected by the filter.</summary>
    public long Matches { get; set; }

    /// <summary>Invalid UTF-8 sequences in records replaced with U+FFFD (as jq does).</summary>
    public long Utf8Replacements { get; set; }

    /// <summary>Wall-clock duration of the scan.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Adds another worker's counters.</summary>
    public void Add(ScanStats other)
    {
        FilesSeen += other.FilesSeen;
        FilesPruned += other.FilesPruned;
        DirectoriesPruned += other.DirectoriesPruned;
        DigestFiles += other.DigestFiles;
        SkippedByName += other.SkippedByName;
        FilesOpened += other.FilesOpened;
        FilesFailed += other.FilesFailed;
        StoredBytes += other.StoredBytes;
        DecodedBytes += other.DecodedBytes;
        Events += other.Events;
        Matches += other.Matches;
        Utf8Replacements += other.Utf8Replacements;
    }
}
