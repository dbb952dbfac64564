using System.IO.Pipelines;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Starts GETs ahead of the scanner: when the scan opens its first object, up to <see cref="S3Settings.Concurrency"/>
/// objects are fetched at once, in key order, each into its own pipe that holds at most
/// <see cref="S3Settings.BufferBytesPerObject"/> unread bytes (the fetch pauses beyond that), so memory stays
/// bounded whatever the number of objects. Closing an object's stream frees its slot for the next key.
/// Objects are written to the cache as they stream through, and renamed into it only when whole.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class Prefetcher
{
    private readonly S3Connection _connection;
    private readonly ObjectCache? _cache;
    private readonly List<RemoteObject> _objects = [];
    private readonly List<Slot?> _slots = [];
    private readonly object _gate = new();
    private int _next;
    private int _active;

    public Prefetcher(S3Connection connection, ObjectCache? cache)
    {
        _connection = connection;
        _cache = cache;
    }

    /// <summary>Registers an object (in scan order); returns its index for <see cref="Open"/>.</summary>
    public int Add(RemoteObject o)
    {
        lock (_gate)
        {
            _objects.Add(o);
            _slots.Add(null);
            return _objects.Count - 1;
        }
    }

    /// <summary>The stream of object <paramref name="index"/>: the bytes its fetch delivers, as they arrive.</summary>
    public Stream Open(int index)
    {
        lock (_gate)
        {
            Slot slot = _slots[index] is { Opened: false } ready ? ready : Start(index);
            slot.Opened = true;
            _slots[index] = slot;
            TopUp();
            return new PrefetchStream(slot.Pipe.Reader, () => Release(index, slot));
        }
    }

    private void Release(int index, Slot slot)
    {
        lock (_gate)
        {
            _active--;
            if (ReferenceEquals(_slots[index], slot))
            {
                _slots[index] = null;
            }

            TopUp();
        }
    }

    private void TopUp()
    {
        int window = Math.Max(1, _connection.Settings.Concurrency);
        while (_active < window && _next < _objects.Count)
        {
            _slots[_next] ??= Start(_next);
            _next++;
        }
    }

    private Slot Start(int index)
    {
        _active++;
        int limit = Math.Max(64 * 1024, _connection.Settings.BufferBytesPerObject);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: limit, resumeWriterThreshold: limit / 2, useSynchronizationContext: false));
        var slot = new Slot(pipe);
        RemoteObject o = _objects[index];
        _ = Task.Run(() => Fill(o, pipe.Writer));
        return slot;
    }

    private async Task Fill(RemoteObject o, PipeWriter writer)
    {
        AtomicFile? file = null;
        try
        {
            file = _cache?.BeginWrite(o);
        }
        catch (IOException)
        {
            // An unwritable cache only costs the next run a fetch.
        }

        try
        {
            bool whole = await ObjectFetcher.FetchAsync(_connection, o, 0, async (chunk, cancel) =>
            {
                if (file is not null)
                {
                    try
                    {
                        await file.Stream.WriteAsync(chunk, cancel).ConfigureAwait(false);
                    }
                    catch (IOException)
                    {
                        // A full or failing cache disk costs the next run a fetch, not this object.
                        file.Dispose();
                        file = null;
                    }
                }

                FlushResult flushed = await writer.WriteAsync(chunk, cancel).ConfigureAwait(false);
                return !flushed.IsCompleted;
            }, null, CancellationToken.None).ConfigureAwait(false);
            if (whole)
            {
                file?.Commit();
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Remove the partial cache file before the reader learns of the failure: once it does, the run may end
            // (and a test may look into the cache) while this task is still unwinding.
            file?.Dispose();
            file = null;
            await writer.CompleteAsync(e is IOException ? e : new IOException(e.Message, e)).ConfigureAwait(false);
        }
        finally
        {
            file?.Dispose();
        }
    }

    private sealed class Slot(Pipe pipe)
    {
        public Pipe Pipe { get; } = pipe;

        public bool Opened { get; set; }
    }
}
