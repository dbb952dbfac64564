using System.IO.Enumeration;

namespace TrailSift.Core.Sources.Local;

/// <summary>
/// Local files and directories. Directories are walked recursively in ordinal path order and pruned by the
/// CloudTrail layout before anything is opened, the way ripgrep applies ignore rules before searching. While
/// walking, only regular files named like logs (<c>.json</c>, <c>.gz</c>, <c>.ndjson</c>, <c>.jsonl</c>,
/// <c>.log</c> or no extension, not hidden) are taken; FIFOs, sockets and devices are skipped, and symbolic
/// links to directories are not followed unless <see cref="SourceScope.FollowLinks"/> (then a link back to
/// a directory being walked, by device and inode, is reported and skipped). A file named explicitly is
/// always read, a FIFO included (like <c>cat</c>).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public sealed class LocalFileSource : ILogSource
{
    /// <inheritdoc />
    public bool CanReadTwice => true;

    /// <inheritdoc />
    public bool Claims(string argument) => File.Exists(argument) || Directory.Exists(argument);

    /// <inheritdoc />
    public IAsyncEnumerable<LogObject> ListAsync(string argument, SourceScope scope, CancellationToken cancel) =>
        List(argument, scope).ToAsyncEnumerable();

    /// <summary>The objects <paramref name="argument"/> names, listed lazily on the calling thread.</summary>
    public IEnumerable<LogObject> List(string argument, SourceScope scope)
    {
        FileIdentity id = FileIdentity.Of(argument);
        if (id.Kind == FileKind.Directory)
        {
            LayoutPosition position = LayoutPosition.OfSegments(Path.GetFullPath(argument));
            if (!scope.KeepsPrefix(position))
            {
                return [];
            }

            var ancestors = new HashSet<(long, long)>();
            if (scope.FollowLinks && id.HasInode)
            {
                ancestors.Add((id.Device, id.Inode));
            }

            return Walk(argument, position, scope, ancestors);
        }

        if (id.Kind == FileKind.Missing && !File.Exists(argument))
        {
            scope.ReportError(argument, "no such file or directory");
            return [];
        }

        // A file named explicitly is always read (but still pruned by its CloudTrail name).
        return Object(argument, id, scope) is { } one ? [one] : [];
    }

    private static IEnumerable<LogObject> Walk(string directory, LayoutPosition position, SourceScope scope, HashSet<(long, long)> ancestors)
    {
        List<Entry> entries;
        try
        {
            entries = [.. new FileSystemEnumerable<Entry>(directory,
                static (ref FileSystemEntry e) => new Entry(e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false })];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            scope.ReportError(directory, e.Message);
            yield break;
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (Entry entry in entries)
        {
            string path = Path.Join(directory, entry.Name);
            if (entry.IsDirectory)
            {
                if (entry.IsLink && !scope.FollowLinks)
                {
                    continue;
                }

                LayoutPosition child = position.Child(entry.Name);
                if (!scope.KeepsPrefix(child))
                {
                    continue;
                }

                (long, long) key = default;
                if (scope.FollowLinks)
                {
                    FileIdentity id = FileIdentity.Of(path);
                    key = (id.Device, id.Inode);
                    if (id.HasInode && !ancestors.Add(key))
                    {
                        scope.ReportError(path, "file system loop (a link back to a directory being walked); not followed");
                        continue;
                    }
                }

                foreach (LogObject o in Walk(path, child, scope, ancestors))
                {
                    yield return o;
                }

                if (scope.FollowLinks)
                {
                    ancestors.Remove(key);
                }
            }
            else if (LooksLikeLog(entry.Name))
            {
                FileIdentity id = FileIdentity.Of(path);
                if (id.Kind is FileKind.Special or FileKind.Directory)
                {
                    scope.Counts.AddSkipped();
                    continue;
                }

                if (Object(path, id, scope) is { } o)
                {
                    yield return o;
                }
            }
            else
            {
                scope.Counts.AddSkipped();
            }
        }
    }

    // Inside a walked directory only files that can hold logs are read (a README next to the logs is
    // not an input error); files named on the command line are always read. The format itself is
    // still detected from the content.
    private static bool LooksLikeLog(string name)
    {
        if (name.StartsWith('.'))
        {
            return false;
        }

        string ext = Path.GetExtension(name).ToLowerInvariant();
        return ext is "" or ".json" or ".gz" or ".ndjson" or ".jsonl" or ".jsonlines" or ".log";
    }

    private static LogObject? Object(string path, FileIdentity id, SourceScope scope)
    {
        if (!scope.KeepsObject(path, out CloudTrailObjectName? name))
        {
            return null;
        }

        scope.Listed();
        long? length = id.Kind == FileKind.Regular ? id.Length : null;
        return new LogObject(path, length,
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), name)
        {
            CanReadTwice = id.Kind != FileKind.Special,
        };
    }

    private readonly record struct Entry(string Name, bool IsDirectory, bool IsLink);
}
