using System.Runtime.CompilerServices;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// The <c>s3://bucket[/prefix]</c> source: lists each argument with the layout-pruned delimiter listing of
/// <see cref="S3Source"/> (in folder-wise key order) and hands its objects to the scan as they are listed, opened
/// as streamed GETs or cache reads. Every figure (pruned, list requests, bytes, cache hits) goes to the scope's
/// <see cref="SourceScope.Counts"/>.
/// </summary>
/// <remarks>Thread-safe; one instance per command run (it owns the SDK clients, created on first use).</remarks>
public sealed class S3LogSource : ILogSource, IDisposable
{
    private readonly S3Settings _settings;
    private readonly object _gate = new();
    private S3Source? _source;

    /// <summary>Creates the source; nothing is contacted and no credentials are looked up until an argument is listed.</summary>
    public S3LogSource(S3Settings settings)
    {
        _settings = settings;
    }

    /// <summary>What the source was configured with.</summary>
    public S3Settings Settings => _settings;

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

        await foreach (LogObject o in source.ListAsync(uri, scope, cancel).ConfigureAwait(false))
        {
            // An object listed ahead of its confirmation counts (for the progress line) once confirmed; a dropped one never.
            if (o.Confirmation is { } confirmation)
            {
                _ = confirmation.ContinueWith(t =>
                {
                    if (t.Result)
                    {
                        scope.Listed();
                    }
                }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
            else
            {
                scope.Listed();
            }

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
