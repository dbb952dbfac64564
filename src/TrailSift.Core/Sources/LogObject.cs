namespace TrailSift.Core.Sources;

/// <summary>One log object to scan: a file, standard input, or an object of a remote source.</summary>
/// <remarks>Immutable; thread-safe. A stream is opened once per scan unless <see cref="CanReadTwice"/>.</remarks>
public sealed class LogObject
{
    private readonly Func<Stream>? _open;
    private readonly Func<CancellationToken, Task<Stream>>? _openAsync;

    /// <summary>Creates a log object opened synchronously (a local file, a buffer).</summary>
    public LogObject(string path, long? length, Func<Stream> open, CloudTrailObjectName? name = null)
    {
        Path = path;
        Length = length;
        _open = open;
        Name = name;
    }

    /// <summary>Creates a log object opened asynchronously (a high-latency source: the prefetch stage opens it ahead of the workers).</summary>
    public LogObject(string path, long? length, Func<CancellationToken, Task<Stream>> openAsync, CloudTrailObjectName? name = null)
    {
        Path = path;
        Length = length;
        _openAsync = openAsync;
        Name = name;
    }

    /// <summary>The path shown in messages and used for output order.</summary>
    public string Path { get; }

    /// <summary>Size of the stored (possibly compressed) object, when known.</summary>
    public long? Length { get; }

    /// <summary>What the CloudTrail file name says (account, region, time), when it follows the layout.</summary>
    public CloudTrailObjectName? Name { get; }

    /// <summary>True for standard input.</summary>
    public bool IsStandardInput { get; init; }

    /// <summary>True when the object can be opened and read again (false for standard input and pipes).</summary>
    public bool CanReadTwice { get; init; } = true;

    /// <summary>
    /// Null for an object known to be part of the output. Otherwise the object was listed ahead of its confirmation (an
    /// S3 object taken from a kept folder listing while the folder is listed again): the task ends true when it is
    /// confirmed where it stands, false when it is not part of the output after all — then nothing of its scan may be
    /// emitted (its events, its reports), and the objects that really stand there follow later in the listing.
    /// </summary>
    public Task<bool>? Confirmation { get; init; }

    /// <summary>True when opening is slow enough to do ahead of the workers (a network source).</summary>
    public bool OpensAsynchronously => _openAsync is not null;

    /// <summary>Opens the stored bytes (still compressed if the object is gzip).</summary>
    public Stream OpenRaw() => _open is not null ? _open() : _openAsync!(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Opens the stored bytes without blocking the caller when the source is remote.</summary>
    public Task<Stream> OpenRawAsync(CancellationToken cancel) => _openAsync is not null ? _openAsync(cancel) : Task.FromResult(_open!());

    /// <summary>A log object over a local file.</summary>
    public static LogObject FromFile(string path, string? displayPath = null, long? length = null)
    {
        if (length is null)
        {
            var info = new FileInfo(path);
            length = info.Exists ? info.Length : null;
        }

        return new LogObject(displayPath ?? path, length,
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan),
            CloudTrailObjectName.TryParse(path));
    }

    /// <inheritdoc />
    public override string ToString() => Path;
}
