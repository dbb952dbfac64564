using System.Runtime.CompilerServices;
using Amazon.S3.Model;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Lists what an <c>s3://bucket[/prefix]</c> argument holds, folder by folder with a <c>/</c> delimiter,
/// descending only into prefixes whose place in the CloudTrail layout (account, region, day) can hold an
/// object in the window, and keeping only keys whose names are not ruled out. Never lists a bucket whole.
/// The keys stream out in key order (folder by folder, as a local walk) while later folders are still being
/// listed: each folder's subfolders are listed concurrently as soon as it is, the earliest first
/// (<see cref="KeyOrderGate"/>), so the scan starts on the first day folder instead of waiting for the last.
/// </summary>
/// <remarks>One instance per argument; thread-safe inside it.</remarks>
internal sealed partial class S3Lister
{
    private readonly S3Connection _connection;
    private readonly PruneOptions _options;
    private readonly Action<string, string> _report;
    private readonly SourceCounts _counts;
    private readonly bool _forSync;
    private readonly KeyOrderGate _requests;
    private readonly ListingCache? _listings;
    private CancellationToken _cancel;

    /// <param name="connection">The SDK side.</param>
    /// <param name="options">Account, region and time pruning.</param>
    /// <param name="report">Receives (path, reason) for prefixes that cannot be listed.</param>
    /// <param name="counts">Receives list requests, keys listed and what was pruned or skipped.</param>
    /// <param name="forSync">Keep digests (walked like logs) and files with non-log names, as <c>sync</c> copies them.</param>
    /// <param name="listings">Folder listings kept from earlier runs (reused when final for the window), or null.</param>
    public S3Lister(S3Connection connection, PruneOptions options, Action<string, string> report, SourceCounts counts, bool forSync, ListingCache? listings = null)
    {
        _listings = listings;
        _connection = connection;
        _options = options;
        _report = report;
        _counts = counts;
        _forSync = forSync;
        _requests = new KeyOrderGate(connection.Settings.Concurrency);
    }

    /// <summary>Lists <paramref name="uri"/> whole (for <c>sync</c>); problems go to the reporter.</summary>
    public async Task<IReadOnlyList<RemoteObject>> ListAllAsync(S3Uri uri, CancellationToken cancel)
    {
        var all = new List<RemoteObject>();
        await foreach (RemoteObject o in ListAsync(uri, cancel).ConfigureAwait(false))
        {
            all.Add(o);
        }

        return all;
    }

    /// <summary>
    /// The objects of <paramref name="uri"/> in key order, each as soon as the folders before it are listed; problems
    /// go to the reporter under the argument's or the folder's name. Stopping the enumeration stops the listing.
    /// </summary>
    public async IAsyncEnumerable<RemoteObject> ListAsync(S3Uri uri, [EnumeratorCancellation] CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _cancel = stop.Token;
        string prefix = uri.Prefix;
        Task<List<Entry>> root = prefix.Length == 0 || prefix.EndsWith('/') ? WalkFrom(uri.Bucket, prefix) : ResolvePartial(uri);
        try
        {
            await foreach (RemoteObject o in Emit(root).ConfigureAwait(false))
            {
                yield return o;
            }
        }
        finally
        {
            // Folders still being listed (the consumer stopped early) end without reporting anything.
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    // Depth first, in key order: a folder's entries once its listing is whole, descending into subfolders in place.
    private async IAsyncEnumerable<RemoteObject> Emit(Task<List<Entry>> folder)
    {
        List<Entry> entries = await folder.WaitAsync(_cancel).ConfigureAwait(false);
        foreach (Entry e in entries)
        {
            if (e.Object is { } o)
            {
                yield return o;
            }
            else if (e.Failure is { } failure)
            {
                _report(failure.Path, failure.Reason);
            }
            else
            {
                await foreach (RemoteObject inner in Emit(e.Folder!).ConfigureAwait(false))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>
    /// Key order folder by folder, the order of a local walk: <c>CloudTrail/…</c> before <c>CloudTrail-Insight/…</c>
    /// (plain ordinal key order would put <c>-</c> before <c>/</c>).
    /// </summary>
    internal static int CompareByFolder(string a, string b)
    {
        int i = 0;
        while (true)
        {
            int ea = a.IndexOf('/', i), eb = b.IndexOf('/', i);
            ReadOnlySpan<char> sa = ea < 0 ? a.AsSpan(i) : a.AsSpan(i, ea - i);
            ReadOnlySpan<char> sb = eb < 0 ? b.AsSpan(i) : b.AsSpan(i, eb - i);
            int c = sa.CompareTo(sb, StringComparison.Ordinal);
            if (c != 0 || ea < 0 || eb < 0)
            {
                return c != 0 ? c : (ea < 0 ? 0 : 1) - (eb < 0 ? 0 : 1);
            }

            i = ea + 1;
        }
    }

    // s3://bucket/some/key names an object (always read, like a file named on the command line) or a folder without its slash.
    private async Task<List<Entry>> ResolvePartial(S3Uri uri)
    {
        try
        {
            ListObjectsV2Response page = await List(uri.Bucket, uri.Prefix, null, null).ConfigureAwait(false);
            S3Object? exact = page.S3Objects?.FirstOrDefault(o => o.Key == uri.Prefix);
            if (exact is not null)
            {
                return Consider(new RemoteObject(uri.Bucket, exact.Key, exact.Size ?? 0, exact.ETag ?? string.Empty), explicitKey: true) is { } o ? [new Entry(string.Empty, o, null)] : [];
            }

            if (page.CommonPrefixes?.Contains(uri.Prefix + "/") == true)
            {
                return [new Entry(string.Empty, null, WalkFrom(uri.Bucket, uri.Prefix + "/"))];
            }

            _report(uri.ToString(), "no such key or prefix");
        }
        catch (Exception e) when (!_cancel.IsCancellationRequested)
        {
            _report(uri.ToString(), S3ErrorText.ForList(e, uri.Bucket, uri.Prefix));
        }

        return [];
    }

    private Task<List<Entry>> WalkFrom(string bucket, string prefix)
    {
        RemoteLayout layout = RemoteLayout.OfPrefix(prefix, _forSync);
        if (layout.PruneReason(_options) is not null)
        {
            _counts.AddPrunedDirectory();
            return Task.FromResult(new List<Entry>());
        }

        return Walk(bucket, prefix, layout);
    }

    // One folder: its kept keys and its subfolders (each already being listed), sorted as CompareByFolder sorts keys.
    // A stored listing that is final for the window answers without a request; one that is not still names the
    // subfolders to list at once, beside this folder, instead of a round later (kept only if this listing confirms them).
    private async Task<List<Entry>> Walk(string bucket, string prefix, RemoteLayout layout)
    {
        if (Shortcut(prefix, layout) is { } folders)
        {
            var direct = new List<Entry>();
            foreach ((string sub, RemoteLayout child) in folders)
            {
                direct.Add(new Entry(sub, null, Walk(bucket, sub, child)));
            }

            return direct; // already in key order (regions sorted, days ascending)
        }

        string? startAfter = layout.StartAfter(prefix, _options);
        FolderListing? stored = Stored(bucket, prefix);
        if (stored is not null && stored.IsFinalFor(layout.Position, _options) && stored.Covers(startAfter, k => IsPast(k, layout)))
        {
            _counts.AddListingFromCache();
            return Entries(bucket, prefix, layout, stored, startAfter, null, null);
        }

        Dictionary<string, Task<List<Entry>>>? early = stored is null ? null : Speculate(bucket, prefix, layout, stored);
        (FolderListing live, string? error) = await ListWhole(bucket, prefix, layout, startAfter).ConfigureAwait(false);
        if (error is null)
        {
            _listings?.Store(bucket, prefix, live);
        }

        return Entries(bucket, prefix, layout, live, startAfter, early, error);
    }

    // Every page of one folder (stopping past the window's end in a day folder), unfiltered; a failure ends it with its reason.
    private async Task<(FolderListing Listing, string? Error)> ListWhole(string bucket, string prefix, RemoteLayout layout, string? startAfter)
    {
        DateTimeOffset taken = DateTimeOffset.UtcNow;
        var prefixes = new List<string>();
        var objects = new List<RemoteObject>();
        string? continuation = null;
        bool stopped = false;
        do
        {
            ListObjectsV2Response page;
            try
            {
                page = await List(bucket, prefix, startAfter, continuation).ConfigureAwait(false);
            }
            catch (Exception e) when (!_cancel.IsCancellationRequested)
            {
                // A folder that cannot be listed is reported on its own; its siblings go on.
                return (new FolderListing(taken, startAfter, true, prefixes, objects), S3ErrorText.ForList(e, bucket, prefix));
            }

            prefixes.AddRange(page.CommonPrefixes ?? []);
            bool pastWindow = false;
            foreach (S3Object o in page.S3Objects ?? [])
            {
                objects.Add(new RemoteObject(bucket, o.Key, o.Size ?? 0, o.ETag ?? string.Empty));
                pastWindow |= IsPast(o.Key, layout);
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
            if (pastWindow && continuation is not null)
            {
                stopped = true;
                continuation = null;
            }
        }
        while (continuation is not null);

        return (new FolderListing(taken, startAfter, stopped, prefixes, objects), null);
    }

    // The subfolders a stored listing named, listed now; those pruned by the options are not.
    private Dictionary<string, Task<List<Entry>>> Speculate(string bucket, string prefix, RemoteLayout layout, FolderListing stored)
    {
        var early = new Dictionary<string, Task<List<Entry>>>(StringComparer.Ordinal);
        foreach (string sub in stored.Prefixes)
        {
            if (sub.Length > prefix.Length && sub.StartsWith(prefix, StringComparison.Ordinal) && !early.ContainsKey(sub)
                && layout.Child(sub[prefix.Length..].TrimEnd('/')) is var child && child.PruneReason(_options) is null)
            {
                early[sub] = Walk(bucket, sub, child);
            }
        }

        return early;
    }

    // A folder's entries from its listing: subfolders the options allow (walked, or taken from the early walks) and kept keys.
    private List<Entry> Entries(string bucket, string prefix, RemoteLayout layout, FolderListing listing, string? startAfter,
        Dictionary<string, Task<List<Entry>>>? early, string? error)
    {
        var entries = new List<Entry>();
        if (error is not null)
        {
            entries.Add(new Entry(string.Empty, null, null, (S3Uri.Display(bucket, prefix), error)));
        }

        foreach (Planned p in Plan(prefix, layout, listing, startAfter, count: true))
        {
            entries.Add(p.Object is { } o ? new Entry(p.Name, o, null)
                : new Entry(p.Name, null, early is not null && early.Remove(p.Prefix!, out Task<List<Entry>>? started) ? started : Walk(bucket, p.Prefix!, p.Layout!)));
        }

        // An error entry (name "") stays first; the rest is already in order.
        return entries;
    }

    // What a listing holds for this run, in output order: the subfolders the options allow and the kept keys, as
    // CompareByFolder sorts keys (a file before a folder of the same name; names are unique otherwise). Counts what it
    // prunes and skips when asked (the real walk does; a prediction from kept listings does not).
    private List<Planned> Plan(string prefix, RemoteLayout layout, FolderListing listing, string? startAfter, bool count)
    {
        var planned = new List<Planned>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string sub in listing.Prefixes)
        {
            if (!seen.Add(sub) || sub.Length <= prefix.Length || !sub.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string name = sub[prefix.Length..].TrimEnd('/');
            RemoteLayout child = layout.Child(name);
            if (child.PruneReason(_options) is not null)
            {
                if (count)
                {
                    _counts.AddPrunedDirectory();
                }

                continue;
            }

            planned.Add(new Planned(name, null, sub, child));
        }

        foreach (RemoteObject o in listing.Objects)
        {
            // A stored listing may have started before this run's StartAfter: its earlier keys are not listed now.
            if ((startAfter is null || string.CompareOrdinal(o.Key, startAfter) > 0) && Consider(o, explicitKey: false, count) is { } kept)
            {
                planned.Add(new Planned(kept.Key[prefix.Length..], kept, null, null));
            }
        }

        planned.Sort(static (a, b) => a.Name.CompareTo(b.Name, StringComparison.Ordinal) is var c && c != 0 ? c : (a.Object is not null ? 0 : 1) - (b.Object is not null ? 0 : 1));
        return planned;
    }

    // Delivered after the window (in a day folder): every later key of the folder is too, so paging can stop.
    private bool IsPast(string key, RemoteLayout layout) =>
        layout.Position.Level == LayoutLevel.Day && _options.Until is { } until
        && CloudTrailObjectName.TryParse(key) is { } n && n.DeliveryTime >= until + _options.DeliveryDelay
        && RemoteKeyFilter.Judge(key, _options, false, keepDigests: _forSync) == RemoteKeyFilter.Verdict.Pruned;

    /// <summary>The longest window (in day folders) whose days are listed directly instead of level by level.</summary>
    internal const int MaxDirectDays = 92;

    // The folders below this one that the options name outright, listed without listing this one: under a trail folder
    // the --region folders; under a region folder, with --since, the window's day folders (YYYY/MM/DD), all at once
    // instead of three rounds. CloudTrail writes nothing else there; sync lists level by level, as it copies everything.
    private IEnumerable<(string Prefix, RemoteLayout Layout)>? Shortcut(string prefix, RemoteLayout layout)
    {
        if (_forSync)
        {
            return null;
        }

        if (layout.Position.Level == LayoutLevel.Trail && _options.Regions.Count > 0
            && _options.Regions.All(r => r.Length > 0 && r.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            return _options.Regions.Order(StringComparer.Ordinal).Select(r => (prefix + r + "/", layout.Child(r)));
        }

        if (layout.Position.Level == LayoutLevel.Region && _options.Since is { } since)
        {
            DateTime first = (since - _options.ClockSkew).UtcDateTime.Date;
            DateTime last = ((_options.Until ?? DateTimeOffset.UtcNow.AddDays(1)) + _options.DeliveryDelay).UtcDateTime.Date;
            int days = (int)(last - first).TotalDays + 1;
            if (days is > 0 and <= MaxDirectDays)
            {
                return Enumerable.Range(0, days).Select(i => first.AddDays(i))
                    .Select(d => (Prefix: prefix + d.ToString("yyyy'/'MM'/'dd'/'", System.Globalization.CultureInfo.InvariantCulture),
                        Layout: layout.Child(d.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture))
                            .Child(d.ToString("MM", System.Globalization.CultureInfo.InvariantCulture))
                            .Child(d.ToString("dd", System.Globalization.CultureInfo.InvariantCulture))))
                    .Where(f => f.Layout.PruneReason(_options) is null);
            }
        }

        return null;
    }

    // The key's object when it is read, counting what is listed, pruned and skipped (unless a prediction asks).
    private RemoteObject? Consider(RemoteObject o, bool explicitKey, bool count = true)
    {
        if (o.Key.EndsWith('/'))
        {
            return null;
        }

        if (count)
        {
            _counts.AddKeyListed();
        }

        RemoteKeyFilter.Verdict verdict = RemoteKeyFilter.Judge(o.Key, _options, explicitKey, keepDigests: _forSync);
        if (count)
        {
            switch (verdict)
            {
                case RemoteKeyFilter.Verdict.NotLog when !_forSync:
                    _counts.AddSkipped();
                    break;
                case RemoteKeyFilter.Verdict.Digest:
                    _counts.AddDigest();
                    break;
                case RemoteKeyFilter.Verdict.Pruned:
                    _counts.AddPrunedFile();
                    break;
            }
        }

        return verdict switch
        {
            RemoteKeyFilter.Verdict.NotLog when !_forSync => null,
            RemoteKeyFilter.Verdict.Digest or RemoteKeyFilter.Verdict.Pruned => null,
            _ => o,
        };
    }

    private async Task<ListObjectsV2Response> List(string bucket, string prefix, string? startAfter, string? continuation)
    {
        using IDisposable slot = await _requests.EnterAsync(prefix, _cancel).ConfigureAwait(false);
        return await _connection.ListAsync(bucket, prefix, startAfter, continuation, _counts, _cancel).ConfigureAwait(false);
    }

    // A kept key (Object), a subfolder being listed (Folder) or a folder that could not be listed (Failure: its display
    // name and the reason, reported when the output reaches it), under its name relative to the folder.
    private sealed record Entry(string Name, RemoteObject? Object, Task<List<Entry>>? Folder, (string Path, string Reason)? Failure = null);

    // One entry a listing holds for the run: a kept key (Object) or an allowed subfolder (Prefix and its Layout).
    private sealed record Planned(string Name, RemoteObject? Object, string? Prefix, RemoteLayout? Layout);
}
