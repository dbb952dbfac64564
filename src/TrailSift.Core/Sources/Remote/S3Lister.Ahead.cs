using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Listing ahead from kept listings: the objects the kept folder listings predict go to the scan at once, each with a
/// confirmation that the fresh listing (made as usual, concurrently) settles — true when it puts the same object (key,
/// size, ETag) at the same place in key order, false from the first place where it differs. The objects from that place
/// on follow, as the fresh listing has them; a dropped object's scan is never emitted (<see cref="LogObject.Confirmation"/>),
/// so the output is what the fresh listing alone gives, while the scan of the cached objects overlaps the listing round
/// of the open folders and the SDK's start-up.
/// </summary>
internal sealed partial class S3Lister
{
    private readonly ConcurrentDictionary<string, FolderListing?> _stored = new(StringComparer.Ordinal);

    /// <summary>
    /// The objects of <paramref name="uri"/> as <see cref="ListAsync"/> gives them; those a kept listing predicted come
    /// first, at once, each with its confirmation (null for the others: they come from the fresh listing).
    /// </summary>
    public async IAsyncEnumerable<(RemoteObject Object, Task<bool>? Confirmation)> ListAheadAsync(S3Uri uri, [EnumeratorCancellation] CancellationToken cancel)
    {
        List<RemoteObject> predicted = Predict(uri);
        if (predicted.Count == 0)
        {
            await foreach (RemoteObject o in ListAsync(uri, cancel).ConfigureAwait(false))
            {
                yield return (o, null);
            }

            yield break;
        }

        var ahead = new Ahead(predicted);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Task checking = Task.Run(() => Check(uri, ahead, stop.Token), CancellationToken.None);
        try
        {
            for (int k = 0; k < Volatile.Read(ref ahead.Limit); k++)
            {
                yield return (predicted[k], ahead.Confirmations[k].Task);
            }

            await foreach (RemoteObject o in ahead.Rest.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                yield return (o, null);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await checking.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // The fresh listing against the prediction: confirms its objects while they agree, drops the rest of the prediction at
    // the first difference and passes the fresh objects from there on.
    private async Task Check(S3Uri uri, Ahead ahead, CancellationToken cancel)
    {
        int i = 0;
        Exception? failure = null;
        try
        {
            await foreach (RemoteObject o in ListAsync(uri, cancel).ConfigureAwait(false))
            {
                if (i < ahead.Limit && o == ahead.Predicted[i])
                {
                    ahead.Confirmations[i++].TrySetResult(true);
                    continue;
                }

                ahead.DropFrom(i);
                ahead.Rest.Writer.TryWrite(o);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            failure = e;
        }
        finally
        {
            ahead.DropFrom(i);
            ahead.Rest.Writer.TryComplete(failure);
        }
    }

    // What the kept listings say the walk will give, in the same order, without a request; it ends at the first folder
    // with no kept listing that covers the run (nothing after it can be known).
    private List<RemoteObject> Predict(S3Uri uri)
    {
        var into = new List<RemoteObject>();
        string prefix = uri.Prefix;
        if (_listings is not null && (prefix.Length == 0 || prefix.EndsWith('/')))
        {
            RemoteLayout layout = RemoteLayout.OfPrefix(prefix, _forSync);
            if (layout.PruneReason(_options) is null)
            {
                PredictFolder(uri.Bucket, prefix, layout, into);
            }
        }

        return into;
    }

    // False when the prediction stops in this folder.
    private bool PredictFolder(string bucket, string prefix, RemoteLayout layout, List<RemoteObject> into)
    {
        if (Shortcut(prefix, layout) is { } folders)
        {
            return folders.All(f => PredictFolder(bucket, f.Prefix, f.Layout, into));
        }

        string? startAfter = layout.StartAfter(prefix, _options);
        FolderListing? stored = Stored(bucket, prefix);
        if (stored is null || !stored.Covers(startAfter, k => IsPast(k, layout)))
        {
            return false;
        }

        foreach (Planned p in Plan(prefix, layout, stored, startAfter, count: false))
        {
            if (p.Object is { } o)
            {
                into.Add(o);
            }
            else if (!PredictFolder(bucket, p.Prefix!, p.Layout!, into))
            {
                return false;
            }
        }

        return true;
    }

    // The kept listing of a folder (read once per run).
    private FolderListing? Stored(string bucket, string prefix) =>
        _listings is null ? null : _stored.GetOrAdd(prefix, p => _listings.TryGet(bucket, p));

    // The prediction and where it stands: Limit is where the fresh listing first differed (or the prediction's length).
    private sealed class Ahead(List<RemoteObject> predicted)
    {
        public int Limit = predicted.Count;
        private bool _dropped;

        public List<RemoteObject> Predicted { get; } = predicted;

        public TaskCompletionSource<bool>[] Confirmations { get; } =
            [.. predicted.Select(_ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously))];

        public Channel<RemoteObject> Rest { get; } = Channel.CreateUnbounded<RemoteObject>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        // The predicted objects from index i on are not where the fresh listing puts its objects: dropped.
        // Called by the check only (one thread); i never passes Limit.
        public void DropFrom(int i)
        {
            if (_dropped)
            {
                return;
            }

            _dropped = true;
            Volatile.Write(ref Limit, i);
            for (int j = i; j < Confirmations.Length; j++)
            {
                Confirmations[j].TrySetResult(false);
            }
        }
    }
}
