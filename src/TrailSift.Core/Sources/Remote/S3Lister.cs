using System.Collections.Concurrent;
using Amazon.S3.Model;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Lists what an <c>s3://bucket[/prefix]</c> argument holds, folder by folder with a <c>/</c> delimiter,
/// descending only into prefixes whose place in the CloudTrail layout (account, region, day) can hold an
/// object in the window, and keeping only keys whose names are not ruled out. Never lists a bucket whole;
/// folders are listed concurrently; the result is in key order.
/// </summary>
/// <remarks>One instance per listing; thread-safe inside it.</remarks>
internal sealed class S3Lister
{
    private readonly S3Connection _connection;
    private readonly PruneOptions _options;
    private readonly Action<string, string> _report;
    private readonly bool _forSync;
    private readonly SemaphoreSlim _requests;
    private readonly CancellationToken _cancel;
    private readonly ConcurrentBag<RemoteObject> _found = [];
    private int _skippedByName;

    /// <param name="connection">The SDK side.</param>
    /// <param name="options">Account, region and time pruning.</param>
    /// <param name="report">Receives (path, reason) for prefixes that cannot be listed.</param>
    /// <param name="forSync">Keep digests (walked like logs) and files with non-log names, as <c>sync</c> copies them.</param>
    /// <param name="cancel">Stops the listing.</param>
    public S3Lister(S3Connection connection, PruneOptions options, Action<string, string> report, bool forSync, CancellationToken cancel = default)
    {
        _connection = connection;
        _options = options;
        _report = report;
        _forSync = forSync;
        _requests = new SemaphoreSlim(Math.Max(1, connection.Settings.Concurrency));
        _cancel = cancel;
    }

    /// <summary>Files inside listed folders skipped because their names are not log names.</summary>
    public int SkippedByName => _skippedByName;

    /// <summary>Lists <paramref name="uri"/>; problems go to the reporter under the argument's name.</summary>
    public async Task<IReadOnlyList<RemoteObject>> ListAsync(S3Uri uri)
    {
        _found.Clear();
        string prefix = uri.Prefix;
        try
        {
            if (prefix.Length == 0 || prefix.EndsWith('/'))
            {
                await WalkFrom(uri.Bucket, prefix).ConfigureAwait(false);
            }
            else
            {
                await ResolvePartial(uri).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _report(uri.ToString(), S3ErrorText.ForList(e, uri.Bucket, prefix));
        }

        var list = _found.ToList();
        list.Sort(static (a, b) => CompareByFolder(a.Key, b.Key));
        return list;
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
    private async Task ResolvePartial(S3Uri uri)
    {
        ListObjectsV2Response page = await List(uri.Bucket, uri.Prefix, null, null).ConfigureAwait(false);
        S3Object? exact = page.S3Objects?.FirstOrDefault(o => o.Key == uri.Prefix);
        if (exact is not null)
        {
            Consider(uri.Bucket, exact, explicitKey: true);
            return;
        }

        if (page.CommonPrefixes?.Contains(uri.Prefix + "/") == true)
        {
            await WalkFrom(uri.Bucket, uri.Prefix + "/").ConfigureAwait(false);
            return;
        }

        _report(uri.ToString(), "no such key or prefix");
    }

    private async Task WalkFrom(string bucket, string prefix)
    {
        RemoteLayout layout = RemoteLayout.OfPrefix(prefix, _forSync);
        if (layout.PruneReason(_options) is not null)
        {
            _connection.Counters.PrunedPrefix();
            return;
        }

        await Walk(bucket, prefix, layout).ConfigureAwait(false);
    }

    private async Task Walk(string bucket, string prefix, RemoteLayout layout)
    {
        if (Shortcut(prefix, layout) is { } folders)
        {
            await Task.WhenAll(folders.Select(f => Walk(bucket, f.Prefix, f.Layout))).ConfigureAwait(false);
            return;
        }

        var children = new List<Task>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? startAfter = layout.StartAfter(prefix, _options);
        string? continuation = null;
        do
        {
            ListObjectsV2Response page;
            try
            {
                page = await List(bucket, prefix, startAfter, continuation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A folder that cannot be listed is reported on its own; its siblings go on.
                _report(S3Uri.Display(bucket, prefix), S3ErrorText.ForList(e, bucket, prefix));
                break;
            }

            foreach (string sub in page.CommonPrefixes ?? [])
            {
                if (!seen.Add(sub))
                {
                    continue;
                }

                string name = sub[prefix.Length..].TrimEnd('/');
                RemoteLayout child = layout.Child(name);
                if (child.PruneReason(_options) is not null)
                {
                    _connection.Counters.PrunedPrefix();
                    continue;
                }

                children.Add(Walk(bucket, sub, child));
            }

            bool pastWindow = false;
            foreach (S3Object o in page.S3Objects ?? [])
            {
                pastWindow |= Consider(bucket, o, explicitKey: false) && layout.Position.Level == LayoutLevel.Day;
            }

            continuation = page.IsTruncated == true && !pastWindow ? page.NextContinuationToken : null;
        }
        while (continuation is not null);

        await Task.WhenAll(children).ConfigureAwait(false);
    }

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

    // Returns true when the key was delivered after the window: later keys of the same day folder are too.
    private bool Consider(string bucket, S3Object o, bool explicitKey)
    {
        if (o.Key.EndsWith('/'))
        {
            return false;
        }

        _connection.Counters.Listed(1);
        switch (RemoteKeyFilter.Judge(o.Key, _options, explicitKey, keepDigests: _forSync))
        {
            case RemoteKeyFilter.Verdict.NotLog when !_forSync:
                Interlocked.Increment(ref _skippedByName);
                return false;
            case RemoteKeyFilter.Verdict.Digest:
                _connection.Counters.Digest();
                return false;
            case RemoteKeyFilter.Verdict.Pruned:
                _connection.Counters.PrunedKey();
                return CloudTrailObjectName.TryParse(o.Key) is { } n && _options.Until is { } until && n.DeliveryTime >= until + _options.DeliveryDelay;
            default:
                _found.Add(new RemoteObject(bucket, o.Key, o.Size ?? 0, o.ETag ?? string.Empty));
                return false;
        }
    }

    private async Task<ListObjectsV2Response> List(string bucket, string prefix, string? startAfter, string? continuation)
    {
        await _requests.WaitAsync(_cancel).ConfigureAwait(false);
        try
        {
            return await _connection.ListAsync(bucket, prefix, startAfter, continuation, _cancel).ConfigureAwait(false);
        }
        finally
        {
            _requests.Release();
        }
    }
}
