namespace TrailSift.Core.Sources;

/// <summary>The objects a scan will read, in output order, with what was pruned by path.</summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
public sealed class SourceSet
{
    /// <summary>Creates a source set.</summary>
    public SourceSet(IReadOnlyList<LogObject> objects, int prunedFiles, int prunedDirectories, int digestFiles)
    {
        Objects = objects;
        PrunedFiles = prunedFiles;
        PrunedDirectories = prunedDirectories;
        DigestFiles = digestFiles;
    }

    /// <summary>Objects to open, sorted by path.</summary>
    public IReadOnlyList<LogObject> Objects { get; }

    /// <summary>Files skipped by path or file name without opening them.</summary>
    public int PrunedFiles { get; }

    /// <summary>Directories skipped without listing them.</summary>
    public int PrunedDirectories { get; }

    /// <summary>Files inside walked directories skipped because their names are not log names (README.md, ...).</summary>
    public int SkippedByName { get; init; }

    /// <summary>Digest files recognised by name and skipped.</summary>
    public int DigestFiles { get; }
}
