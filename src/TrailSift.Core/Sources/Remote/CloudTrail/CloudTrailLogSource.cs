using System.Runtime.CompilerServices;
using TrailSift.Core.Aws;

namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>
/// The <c>cloudtrail:</c> source: the CloudTrail event history through <c>LookupEvents</c>, one log object per region
/// (<c>--region</c>, else the default region of the AWS settings), over the scan's time window (<c>--since</c>, default
/// 90 days back; <c>--until</c>, default now). One lookup attribute is sent server-side (<see cref="CloudTrailSourceSettings.Attribute"/>);
/// the command's filter then runs locally on each full event, so results are the same as over the files. Events arrive
/// newest first and are handed to the scan oldest first. Only management events of the last 90 days are available.
/// </summary>
/// <remarks>Thread-safe; the AWS connection is resolved on first use and missing credentials are reported against the argument.</remarks>
public sealed class CloudTrailLogSource : ILogSource, IDisposable
{
    /// <summary>The argument that names this source.</summary>
    public const string Scheme = "cloudtrail:";

    private readonly CloudTrailSourceSettings _settings;
    private readonly Lock _gate = new();
    private CloudTrailLookup? _lookup;

    /// <summary>Creates the source; nothing is contacted until the argument is listed.</summary>
    public CloudTrailLogSource(CloudTrailSourceSettings settings)
    {
        _settings = settings;
    }

    /// <summary>LookupEvents requests made so far (retries included).</summary>
    public long Requests => Volatile.Read(ref _lookup)?.Client.Requests ?? 0;

    /// <inheritdoc />
    public bool CanReadTwice => false;

    /// <inheritdoc />
    public bool Claims(string argument) => argument == Scheme;

    /// <inheritdoc />
    public async IAsyncEnumerable<LogObject> ListAsync(string argument, SourceScope scope, [EnumeratorCancellation] CancellationToken cancel)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        if (Lookup(argument, scope) is not { } lookup)
        {
            yield break;
        }

        DateTimeOffset now = _settings.Time.GetUtcNow();
        DateTimeOffset end = scope.Prune.Until is { } u && u < now ? u : now;
        DateTimeOffset start = scope.Prune.Since ?? now - LookupRequest.History;
        if (start > end)
        {
            yield break;
        }

        IEnumerable<string> regions = scope.Prune.Regions.Count > 0 ? scope.Prune.Regions.Order(StringComparer.Ordinal) : [lookup.Client.Connection.DefaultRegion];
        foreach (string region in regions)
        {
            var request = new LookupRequest(region, start, end, _settings.Attribute);
            scope.Listed();
            yield return new LogObject(Scheme + region, null, c => OpenAsync(lookup, request, c)) { CanReadTwice = false };
        }
    }

    // All pages of one region into a temporary file, read back oldest first. A failure after some pages keeps
    // what arrived (the newest events) and is reported when the reader reaches their end.
    private static async Task<Stream> OpenAsync(CloudTrailLookup lookup, LookupRequest request, CancellationToken cancel)
    {
        var records = new ReversedRecords();
        Exception? failure = null;
        try
        {
            await foreach (LookupPage page in lookup.PagesAsync(request, cancel).ConfigureAwait(false))
            {
                foreach (byte[] e in page.Events)
                {
                    records.Add(e);
                }
            }
        }
        catch (AwsServiceException e)
        {
            failure = new IOException($"LookupEvents failed after {records.Count} events: {e.Describe()}", e);
        }
        catch
        {
            records.Dispose();
            throw;
        }

        return records.OpenOldestFirst(failure);
    }

    private CloudTrailLookup? Lookup(string argument, SourceScope scope)
    {
        lock (_gate)
        {
            if (_lookup is not null)
            {
                return _lookup;
            }

            try
            {
                Volatile.Write(ref _lookup, new CloudTrailLookup(AwsConnection.Resolve(_settings.Aws), time: _settings.Time));
                return _lookup;
            }
            catch (AwsAccessException e)
            {
                scope.ReportError(argument, e.Message);
                return null;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _lookup?.Dispose();
        }
    }
}
