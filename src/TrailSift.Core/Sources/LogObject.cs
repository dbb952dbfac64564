namespace TrailSift.Core.Sources;

/*! Sources: finding and opening log objects (local trees, stdin; later S3 and LookupEvents) and
    pruning them by their CloudTrail path before opening. Knows nothing about JSON. Depends on Common. */

/// <summary>One log object to scan: a file, standard input, or (later) an S3 object.</summary>
/// <remarks>Immutable; thread-safe. <see cref="OpenRaw"/> may be called once per scan.</remarks>
public sealed class LogObject
{
    private readonly Func<Stream> _open;

    /// <summary>Creates a log object.</summary>
    public LogObject(string path, long? length, Func<Stream> open, CloudTrailObjectName? name = null)
    {
        Path = path;
        Length = length;
        _open = open;
        Name = name;
    }

    /// <summary>The path shown in messages and used for output order.</summary>
    public string Path { get; }

    /// <summary>Size of the stored (possibly compressed) object, when known.</summary>
    public long? Length { get; }

    /// <summary>What the CloudTrail file name says (account, region, time), when it follows the layout.</summary>
    public CloudTrailObjectName? Name { get; }

    /// <summary>Opens the stored bytes (still compressed if the object is gzip).</summary>
    public Stream OpenRaw() => _open();

    /// <summary>A log object over a local file.</summary>
    public static LogObject FromFile(string path, string? displayPath = null)
    {
        var info = new FileInfo(path);
        return new LogObject(displayPath ?? path, info.Exists ? info.Length : null,
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan),
            CloudTrailObjectName.TryParse(path));
    }

    /// <inheritdoc />
    public override string ToString() => Path;
}
