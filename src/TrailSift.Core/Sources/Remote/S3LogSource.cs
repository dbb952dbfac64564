using System.Runtime.CompilerServices;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// The <c>s3://bucket[/prefix]</c> source: lists each argument with the layout-pruned delimiter listing of
/// <see cref="S3Source"/> (in folder-wise key order) and hands its objects to the scan as streamed, prefetched
/// GETs or cache reads. Pruning counts go to the shared <see cref="SourceScope"/>; the S3 figures (requests,
/// bytes, cache hits) to <see cref="Counters"/>.
/// </summary>
/// <remarks>Thread-safe; one instance per command run (it owns the SDK clients, created on first use).</remarks>
public sealed class S3LogSource : ILogSource, IDisposable
{
    private readonly S3Settings _settings;
    private readonly object _gate = new();
    private S3Source? _source;
    private volatile S3Uri? _listing;

    /// <summary>Creates the source; nothing is contacted and no credentials are looked up until an argument is listed.</summary>
    public S3LogSource(S3Settings settings)
    {
        _settings = settings;
    }

    /// <summary>What listing and fetching did so far; null when no S3 argument was listed.</summary>
    public S3Counters? Counters => Volatile.Read(ref _source)?.Counters;

    /// <summary>The argument being listed right now, if any (for a progress line).</summary>
    public S3Uri? Listing => _listing;

    /// <inheritdoc />
    public bool CanReadTwice => true;

    /// <inheritdoc />
    public bool Claims(string argument) => S3Uri.IsS3(argument);

    /// <inheritdoc />
    public async IAsyncEnumerable<LogObject> ListAsync(string argument, SourceScope scope, [EnumeratorCancellation] CancellationToken cancel)
    {
        if (S3Uri.TryParse(argument) is not { } uri)
        {
            scope.ReportError(argument, "not an S3 path: expected s3://bucket[/prefix]");
            yield break;
        }

        S3Source? source = Source(argument, scope);
        if (source is null)
        {
            yield break;
        }

        _listing = uri;
        SourceSet found;
        try
        {
            found = await Task.Run(() => source.Resolve([uri], scope.Prune, scope.ReportError, cancel), cancel).ConfigureAwait(false);
        }
        finally
        {
            _listing = null;
        }

        scope.Counts.Add(found.PrunedFiles, found.PrunedDirectories, found.DigestFiles, found.SkippedByName);
        foreach (LogObject o in found.Objects)
        {
            scope.Listed();
            yield return o;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _source?.Dispose();
        }
    }

    // The SDK side, created once; missing credentials are reported against the argument.
    private S3Source? Source(string argument, SourceScope scope)
    {
        lock (_gate)
        {
            if (_source is not null)
            {
                return _source;
            }

            try
            {
                Volatile.Write(ref _source, new S3Source(_settings));
                return _source;
            }
            catch (S3AccessException e)
            {
                scope.ReportError(argument, e.Message);
                return null;
            }
        }
    }
}
