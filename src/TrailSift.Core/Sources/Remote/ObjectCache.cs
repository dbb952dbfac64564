using System.Security.Cryptography;
using System.Text;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Fetched objects kept on disk, keyed by bucket, key and ETag (an object rewritten under the same key
/// gets a new ETag, so a stale copy is never read). Files are written under a temporary name and renamed
/// when whole, so an interrupted download never leaves something a later run could take for a whole object.
/// Layout: <c>DIR/s3/&lt;bucket&gt;/&lt;xx&gt;/&lt;sha256 of bucket, key, ETag&gt;-&lt;file name&gt;</c>.
/// </summary>
/// <remarks>Thread-safe (each object has its own file; renames are atomic).</remarks>
internal sealed class ObjectCache
{
    private readonly string _root;

    public ObjectCache(string root)
    {
        _root = root;
    }

    /// <summary>The cached copy of <paramref name="o"/> when one is there and whole.</summary>
    public string? TryGet(RemoteObject o)
    {
        string path = PathOf(o);
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length == o.Size ? path : null;
        }
        catch (IOException)
        {
            return null;
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

    private static string SafeSegment(string bucket) =>
        bucket.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') && bucket is not ("." or "..") ? bucket : "bucket";
}
