namespace TrailSift.Core.Sources;

/// <summary>
/// Walks local files and directories (recursively, in ordinal path order) and prunes by the CloudTrail
/// layout before anything is opened, the way ripgrep applies ignore rules before searching. While
/// walking, only files named like logs (<c>.json</c>, <c>.gz</c>, <c>.ndjson</c>, <c>.jsonl</c>, <c>.log</c>
/// or no extension, not hidden) are taken; files given explicitly are always read.
/// </summary>
/// <remarks>Stateless apart from its reporter; use one instance per call.</remarks>
public sealed class LocalSourceFinder
{
    private readonly PruneOptions _options;
    private readonly Action<string, string> _reportError;
    private readonly List<LogObject> _objects = [];
    private int _prunedFiles;
    private int _prunedDirectories;
    private int _digests;
    private int _skippedByName;

    /// <summary>Creates a finder; <paramref name="reportError"/> receives (path, reason) for unreadable paths.</summary>
    public LocalSourceFinder(PruneOptions options, Action<string, string> reportError)
    {
        _options = options;
        _reportError = reportError;
    }

    /// <summary>Finds the objects under <paramref name="paths"/> (files or directories).</summary>
    public SourceSet Find(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                LayoutPosition position = LayoutPosition.Of(path);
                if (position.PruneReason(_options) is { } reason)
                {
                    Count(reason, isDirectory: true);
                    continue;
                }

                Walk(path, position);
            }
            else if (File.Exists(path))
            {
                // A file named explicitly is always read (but still pruned by its CloudTrail name).
                ConsiderFile(path);
            }
            else
            {
                _reportError(path, "no such file or directory");
            }
        }

        return new SourceSet(_objects, _prunedFiles, _prunedDirectories, _digests) { SkippedByName = _skippedByName };
    }

    private void Walk(string directory, LayoutPosition position)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _reportError(directory, e.Message);
            return;
        }

        Array.Sort(entries, StringComparer.Ordinal);
        foreach (string entry in entries)
        {
            if (Directory.Exists(entry))
            {
                LayoutPosition child = position.Child(Path.GetFileName(entry));
                if (child.PruneReason(_options) is { } reason)
                {
                    Count(reason, isDirectory: true);
                    continue;
                }

                Walk(entry, child);
            }
            else if (LooksLikeLog(entry))
            {
                ConsiderFile(entry);
            }
            else
            {
                _skippedByName++;
            }
        }
    }

    // Inside a walked directory only files that can hold logs are read (a README next to the logs is
    // not an input error); files named on the command line are always read. The format itself is
    // still detected from the content.
    private static bool LooksLikeLog(string path)
    {
        string name = Path.GetFileName(path);
        if (name.StartsWith('.'))
        {
            return false;
        }

        string ext = Path.GetExtension(name).ToLowerInvariant();
        return ext is "" or ".json" or ".gz" or ".ndjson" or ".jsonl" or ".jsonlines" or ".log";
    }

    private void ConsiderFile(string path)
    {
        CloudTrailObjectName? name = CloudTrailObjectName.TryParse(path);
        if (name is not null)
        {
            if (name.IsDigest)
            {
                Count("digest", isDirectory: false);
                return;
            }

            if ((_options.Accounts.Count > 0 && !_options.Accounts.Contains(name.Account))
                || (_options.Regions.Count > 0 && !_options.Regions.Contains(name.Region))
                || !_options.KeepsDelivery(name.DeliveryTime))
            {
                _prunedFiles++;
                return;
            }
        }

        _objects.Add(LogObject.FromFile(path));
    }

    private void Count(string reason, bool isDirectory)
    {
        if (reason == "digest" && !isDirectory)
        {
            _digests++;
        }
        else if (isDirectory)
        {
            _prunedDirectories++;
        }
        else
        {
            _prunedFiles++;
        }
    }
}
