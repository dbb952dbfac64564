using TrailSift.Core.Aws;

namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>
/// Waits for CloudTrail to deliver a run's events: polls LookupEvents in every watched region (all pages, the same
/// attribute and window each time) until the region's sentinel event has arrived or the deadline passes, keeping the
/// events the caller attributes to the run. "No data" is never "nothing happened": a region whose sentinel did not
/// arrive is reported incomplete.
/// </summary>
/// <remarks>One run at a time; not thread-safe.</remarks>
public sealed class CloudTrailWatch
{
    private readonly CloudTrailLookup _lookup;
    private readonly TimeProvider _time;

    /// <summary>Creates a watch over <paramref name="lookup"/>.</summary>
    public CloudTrailWatch(CloudTrailLookup lookup, TimeProvider? time = null)
    {
        _lookup = lookup;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Polls until every region is complete or <paramref name="deadline"/> passes; the regions of a round are polled in parallel.</summary>
    /// <param name="regions">The regions watched.</param>
    /// <param name="start">Start of the window looked up.</param>
    /// <param name="attribute">The server-side filter.</param>
    /// <param name="deadline">When to stop waiting (a deadline already past makes exactly one round).</param>
    /// <param name="interval">Time between polls.</param>
    /// <param name="keep">The event's id when it belongs to the run, else null (called from several threads).</param>
    /// <param name="isSentinel">True for the region's sentinel event (called from several threads).</param>
    /// <param name="progress">Called after each round.</param>
    /// <param name="stop">Stops the wait: the round in progress is finished, no other starts (the result says what was complete).</param>
    public async Task<WatchResult> RunAsync(IReadOnlyList<string> regions, DateTimeOffset start, LookupAttribute? attribute, DateTimeOffset deadline,
        TimeSpan interval, Func<byte[], string?> keep, Func<string, byte[], bool> isSentinel, Action<WatchProgress> progress, CancellationToken stop = default)
    {
        var kept = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var complete = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string r in regions)
        {
            complete[r] = false;
        }

        int round = 0;
        while (true)
        {
            round++;
            DateTimeOffset now = _time.GetUtcNow();
            RegionPoll[] polls = await Task.WhenAll(regions.Where(r => !complete[r])
                .Select(r => PollAsync(new LookupRequest(r, start, now, attribute), keep, isSentinel))).ConfigureAwait(false);
            foreach (RegionPoll poll in polls)
            {
                foreach ((string id, byte[] e) in poll.Kept)
                {
                    kept[id] = e;
                }

                complete[poll.Region] = poll.Sentinel;
                if (poll.Error is { } error)
                {
                    errors[poll.Region] = error;
                }
                else
                {
                    errors.Remove(poll.Region);
                }
            }

            List<string> pending = [.. complete.Where(c => !c.Value).Select(c => c.Key)];
            TimeSpan left = deadline - _time.GetUtcNow();
            progress(new WatchProgress(round, pending, kept.Count, left));
            if (pending.Count == 0 || left <= TimeSpan.Zero || stop.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(left < interval ? left : interval, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return new WatchResult([.. kept.Values], complete, errors);
    }

    // One region's poll: every page of the window so far. A failed lookup keeps what its pages gave and the region pending.
    private async Task<RegionPoll> PollAsync(LookupRequest request, Func<byte[], string?> keep, Func<string, byte[], bool> isSentinel)
    {
        var kept = new List<(string, byte[])>();
        bool sentinel = false;
        try
        {
            await foreach (LookupPage page in _lookup.PagesAsync(request).ConfigureAwait(false))
            {
                foreach (byte[] e in page.Events)
                {
                    sentinel |= isSentinel(request.Region, e);
                    if (keep(e) is { } id)
                    {
                        kept.Add((id, e));
                    }
                }
            }

            return new RegionPoll(request.Region, sentinel, kept, null);
        }
        catch (AwsServiceException e)
        {
            return new RegionPoll(request.Region, false, kept, e.Describe());
        }
    }

    private sealed record RegionPoll(string Region, bool Sentinel, List<(string Id, byte[] Event)> Kept, string? Error);
}
