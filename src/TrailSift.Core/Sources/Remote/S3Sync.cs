using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Copies the objects of <c>s3://…</c> arguments that the window allows into a local folder, keeping each key's
/// path (<c>DIR/AWSLogs/…</c>), so the copy is an ordinary input for every command. Parallel; each file is written
/// under a resumable temporary name (<c>.&lt;name&gt;.&lt;ETag tag&gt;.part</c>, continued with a Range GET after an
/// interruption) and renamed when whole; a file already there with the listed size is left alone, so a re-run
/// fetches nothing. Digest objects are kept, with their S3 signature metadata in <c>&lt;digest&gt;.signature</c>.
/// Folder listings are kept in the cache directory and reused without a request when final for the window, as a scan
/// does (<see cref="FolderListing.IsFinalFor"/>): a re-run over closed days lists nothing.
/// </summary>
/// <remarks>Thread-safe; one instance per command run.</remarks>
public sealed class S3Sync : IDisposable
{
    /// <summary>The file-name suffix of a digest's signature metadata.</summary>
    public const string SignatureSuffix = ".signature";

    private static readonly string[] SignatureHeaders = ["x-amz-meta-signature", "x-amz-meta-signature-algorithm"];
    private readonly S3Connection _connection;
    private readonly ListingCache? _listings;

    /// <summary>Creates the sync; throws <see cref="S3AccessException"/> when no credentials can be found.</summary>
    public S3Sync(S3Settings settings)
    {
        _connection = new S3Connection(settings);
        _listings = settings.CacheDirectory is { Length: > 0 } root ? new ListingCache(root) : null;
        _connection.ResolveNow();
    }

    /// <summary>What listing and fetching did so far.</summary>
    public SourceCounts Counters { get; } = new();

    /// <summary>Syncs <paramref name="uris"/> into <paramref name="destination"/>; problems go to <paramref name="report"/> as (s3://…, reason).</summary>
    public SyncOutcome Run(IReadOnlyList<S3Uri> uris, string destination, PruneOptions options, Action<string, string> report, CancellationToken cancel = default)
    {
        var objects = new List<RemoteObject>();
        foreach (S3Uri uri in uris)
        {
            objects.AddRange(new S3Lister(_connection, options, report, Counters, forSync: true, _listings).ListAllAsync(uri, cancel).GetAwaiter().GetResult());
        }

        int copied = 0, current = 0, failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _connection.Settings.Concurrency), CancellationToken = cancel };
        Parallel.ForEachAsync(objects, parallel, async (o, token) =>
        {
            switch (await Copy(o, destination, report, token).ConfigureAwait(false))
            {
                case true:
                    Interlocked.Increment(ref copied);
                    break;
                case false:
                    Interlocked.Increment(ref failed);
                    break;
                default:
                    Interlocked.Increment(ref current);
                    break;
            }
        }).GetAwaiter().GetResult();
        return new SyncOutcome(objects.Count, copied, current, failed);
    }

    // True: fetched; null: already there; false: failed (reported; a partial file is kept for the next run).
    private async Task<bool?> Copy(RemoteObject o, string destination, Action<string, string> report, CancellationToken cancel)
    {
        string[] segments = o.Key.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            report(o.Display, "key cannot be a local path (empty, '.' or '..' segment); not copied");
            return false;
        }

        string path = Path.Combine([destination, .. segments]);
        bool digest = CloudTrailObjectName.TryParse(o.Key)?.IsDigest == true;
        string sidecar = path + SignatureSuffix;
        if (File.Exists(path) && new FileInfo(path).Length == o.Size && (!digest || File.Exists(sidecar)))
        {
            return null;
        }

        Counters.AddToFetch(o.Size);
        string tag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(o.ETag)))[..12];
        try
        {
            using AtomicFile file = AtomicFile.Resume(path, tag);
            long offset = file.ExistingLength;
            if (offset >= o.Size || digest)
            {
                // A digest is fetched whole to see its metadata; a temporary file at full size was never checked: start over.
                file.Restart();
                offset = 0;
            }

            IReadOnlyDictionary<string, string>? metadata = null;
            await ObjectFetcher.FetchAsync(_connection, Counters, o, offset, async (chunk, token) =>
            {
                await file.Stream.WriteAsync(chunk, token).ConfigureAwait(false);
                return true;
            }, digest ? m => metadata = m : null, cancel).ConfigureAwait(false);

            if (digest)
            {
                WriteSignature(sidecar, metadata);
            }

            file.Commit();
            return true;
        }
        catch (IOException e)
        {
            report(o.Display, e.Message);
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            report(o.Display, e.Message);
            return false;
        }
    }

    private static void WriteSignature(string sidecar, IReadOnlyDictionary<string, string>? metadata)
    {
        using AtomicFile file = AtomicFile.Create(sidecar);
        using (var json = new Utf8JsonWriter(file.Stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (string name in SignatureHeaders)
            {
                if (metadata is not null && metadata.TryGetValue(name, out string? value))
                {
                    json.WriteString(name, value);
                }
            }

            json.WriteEndObject();
        }

        file.Commit();
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}

/// <summary>What a sync did: objects in the window, fetched, already up to date, failed.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SyncOutcome(int Objects, int Fetched, int UpToDate, int Failed);
