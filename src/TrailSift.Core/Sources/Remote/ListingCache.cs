using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Folder listings kept beside the object cache (<c>DIR/s3/&lt;bucket&gt;/list/&lt;sha256 of bucket and prefix&gt;</c>),
/// one small text file each, written under a temporary name and renamed. A file that does not read back whole (no
/// end line, a bad field) is ignored. Pruned with the objects (<see cref="ObjectCache.PruneUnused"/>): a hit sets its
/// modification time.
/// </summary>
/// <remarks>Thread-safe (one file per folder; renames are atomic; the last writer wins).</remarks>
internal sealed class ListingCache
{
    private const string Header = "trailsift-listing 1";
    private const string End = "end";
    private readonly string _root;

    public ListingCache(string root)
    {
        _root = root;
    }

    /// <summary>The stored listing of <paramref name="prefix"/>, or null.</summary>
    public FolderListing? TryGet(string bucket, string prefix)
    {
        string path = PathOf(bucket, prefix);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            FolderListing? listing = Parse(bucket, prefix, File.ReadAllLines(path, Encoding.UTF8));
            if (listing is not null)
            {
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            }

            return listing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="listing"/> (best effort: a key the format cannot hold, or a failing disk, stores nothing).</summary>
    public void Store(string bucket, string prefix, FolderListing listing)
    {
        if (!Storable(prefix) || !Storable(listing.StartAfter ?? string.Empty) || !listing.Prefixes.All(Storable)
            || !listing.Objects.All(o => Storable(o.Key) && Storable(o.ETag)))
        {
            return;
        }

        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("prefix\t").Append(prefix).Append('\n');
        text.Append("taken\t").Append(listing.TakenAt.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("start-after\t").Append(listing.StartAfter is null ? "-" : "=" + listing.StartAfter).Append('\n');
        text.Append("stopped\t").Append(listing.Stopped ? '1' : '0').Append('\n');
        foreach (string p in listing.Prefixes)
        {
            text.Append("P\t").Append(p).Append('\n');
        }

        foreach (RemoteObject o in listing.Objects)
        {
            text.Append("O\t").Append(o.Size.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(o.ETag).Append('\t').Append(o.Key).Append('\n');
        }

        text.Append(End).Append('\n');
        string path = PathOf(bucket, prefix);
        string temp = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temp, text.ToString(), new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool Storable(string s) => s.AsSpan().IndexOfAny('\t', '\n', '\r') < 0;

    private static FolderListing? Parse(string bucket, string prefix, string[] lines)
    {
        if (lines.Length < 6 || lines[0] != Header || lines[^1] != End
            || Field(lines[2], "taken") is not { } taken || !long.TryParse(taken, NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || Field(lines[3], "start-after") is not { Length: > 0 } start || Field(lines[4], "stopped") is not ("0" or "1") || Field(lines[1], "prefix") != prefix)
        {
            return null;
        }

        var prefixes = new List<string>();
        var objects = new List<RemoteObject>();
        for (int i = 5; i < lines.Length - 1; i++)
        {
            string line = lines[i];
            if (line.StartsWith("P\t", StringComparison.Ordinal))
            {
                prefixes.Add(line[2..]);
                continue;
            }

            string[] f = line.Split('\t', 4);
            if (f.Length != 4 || f[0] != "O" || !long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out long size))
            {
                return null;
            }

            objects.Add(new RemoteObject(bucket, f[3], size, f[2]));
        }

        return new FolderListing(new DateTimeOffset(ticks, TimeSpan.Zero), start == "-" ? null : start[1..], lines[4].EndsWith('1'), prefixes, objects);
    }

    private static string? Field(string line, string name) =>
        line.StartsWith(name + "\t", StringComparison.Ordinal) ? line[(name.Length + 1)..] : null;

    private string PathOf(string bucket, string prefix)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{bucket}\n{prefix}")));
        return Path.Combine(_root, "s3", ObjectCache.SafeSegment(bucket), "list", hash[..40]);
    }
}
