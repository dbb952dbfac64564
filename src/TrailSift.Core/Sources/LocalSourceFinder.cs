using TrailSift.Core.Sources.Local;

namespace TrailSift.Core.Sources;

/// <summary>Lists local paths into a complete <see cref="SourceSet"/> at once (tests, benchmarks and tools; the CLI streams through <see cref="SourceRegistry"/>).</summary>
/// <remarks>Use one instance per call.</remarks>
public sealed class LocalSourceFinder
{
    private readonly PruneOptions _options;
    private readonly Action<string, string> _reportError;

    /// <summary>Creates a finder; <paramref name="reportError"/> receives (path, reason) for unreadable paths.</summary>
    public LocalSourceFinder(PruneOptions options, Action<string, string> reportError)
    {
        _options = options;
        _reportError = reportError;
    }

    /// <summary>Follow symbolic links to directories.</summary>
    public bool FollowLinks { get; init; }

    /// <summary>Finds the objects under <paramref name="paths"/> (files or directories).</summary>
    public SourceSet Find(IEnumerable<string> paths)
    {
        var scope = new SourceScope(_options, _reportError) { FollowLinks = FollowLinks };
        var source = new LocalFileSource();
        var objects = new List<LogObject>();
        foreach (string path in paths)
        {
            objects.AddRange(source.List(path, scope));
        }

        SourceCounts c = scope.Counts;
        return new SourceSet(objects, c.PrunedFiles, c.PrunedDirectories, c.DigestFiles) { SkippedByName = c.SkippedByName };
    }
}
