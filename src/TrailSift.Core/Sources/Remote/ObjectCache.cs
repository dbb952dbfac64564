using System.Security.Cryptography;
using System.Text;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Fetched objects kept on disk, keyed by bucket, key and ETag (an object rewritten under the same key
/// gets a new ETag, so a stale copy is never read). Files are written under a temporary name and renamed
/// when whole, so an interrupted download never leaves something a later run could take for a whole object.
/// Layout: <c>DIR/s3/&lt;bucket&gt;/&lt;xx&gt;/&lt;sha256 of bucket, key, ETag&gt;-&lt;file name&gt;</c>.
/// </summary>
/// <remarks>
/// Thread-safe (each object has its own file; renames are atomic). Pruning: a hit sets the entry's modification time,
/// and entries (and abandoned temporary files) not used for <see cref="UnusedFor"/> are deleted, checked at most once a
/// day (<see cref="PruneUnused"/>).
/// </remarks>
internal sealed class ObjectCache
{
    /// <summary>How long an entry may go unused before it is deleted.</summary>
    public static readonly TimeSpan UnusedFor = TimeSpan.FromDays(30);

    /// <summary>The name of the file whose modification time says when the cache was last pruned.</summary>
    public const string PrunedStamp = ".pruned";

    private readonly string _root;
    private readonly TimeProvider _time;

    public ObjectCache(string root, TimeProvider? time = null)
    {
        _root = root;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The cached copy of <paramref name="o"/> when one is there and whole; its use is noted (modification time).</summary>
    public string? TryGet(RemoteObject o)
    {
        string path = PathOf(o);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length != o.Size)
            {
                return null;
            }

            info.LastWriteTimeUtc = _time.GetUtcNow().UtcDateTime;
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>
    /// Deletes the entries and temporary files not used for <see cref="UnusedFor"/>, unless that was done less than a
    /// day ago; returns how many files were deleted. Best effort: a file that cannot be deleted stays.
    /// </summary>
    public int PruneUnused()
    {
        string s3 = Path.Combine(_root, "s3");
        string stamp = Path.Combine(s3, PrunedStamp);
        DateTime now = _time.GetUtcNow().UtcDateTime;
        try
        {
            if (!Directory.Exists(s3) || (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) > now.AddDays(-1)))
            {
                return 0;
            }

            int deleted = 0;
            foreach (FileInfo f in new DirectoryInfo(s3).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                if (f.Name != PrunedStamp && f.LastWriteTimeUtc < now - UnusedFor && TryDelete(f))
                {
                    deleted++;
                }
            }

            File.WriteAllBytes(stamp, []);
            File.SetLastWriteTimeUtc(stamp, now);
            return deleted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static bool TryDelete(FileInfo f)
    {
        try
        {
            f.Delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Starts writing <paramref name="o"/>: a temporary file next to its final name.</summary>
    public AtomicFile BeginWrite(RemoteObject o) => AtomicFile.Create(PathOf(o));

    private string PathOf(RemoteObject o)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{o.Bucket}\n{o.Key}\n{o.ETag}")));
        string name = o.Key[(o.Key.LastIndexOf('/') + 1)..];
        if (name.Length > 100 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            name = "object";
        }

        return Path.Combine(_root, "s3", SafeSegment(o.Bucket), hash[..2], $"{hash[..32]}-{name}");
    }

    internal static string SafeSegment(string bucket) =>
        bucket.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') && bucket is not ("." or "..") ? bucket : "bucket";
}
