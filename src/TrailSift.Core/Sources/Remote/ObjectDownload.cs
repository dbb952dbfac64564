using System.IO.Pipelines;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// One object's streamed GET, started when the scan's read-ahead stage (<see cref="Scan.ObjectFeed"/>) opens it:
/// the body flows into a pipe that holds at most <see cref="S3Settings.BufferBytesPerObject"/> unread bytes (the
/// GET pauses beyond that), so memory stays bounded by the number of objects opened ahead times that size. The
/// object is written to the cache as it streams through, and renamed into it only when whole. Disposing the
/// reading end before the end stops the GET.
/// </summary>
/// <remarks>Thread-safe to start; the returned stream has one reader.</remarks>
internal static class ObjectDownload
{
    /// <summary>
    /// Starts fetching <paramref name="o"/> and returns the stream of its bytes as they arrive; <paramref name="fill"/>
    /// ends when the GET has ended and its partial cache file (if any) is gone.
    /// </summary>
    public static Stream Start(S3Connection connection, ObjectCache? cache, SourceCounts counts, RemoteObject o, CancellationToken cancel, out Task fill)
    {
        int limit = Math.Max(64 * 1024, connection.Settings.BufferBytesPerObject);
        // Segments the size of a fetched chunk: one pooled array per chunk instead of sixteen 4 KiB ones, which would
        // outlive gen0 while they wait for the reader and grow the heap.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: limit, resumeWriterThreshold: limit / 2, minimumSegmentSize: ObjectFetcher.ChunkBytes,
            useSynchronizationContext: false));
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Task filling = Task.Run(() => Fill(connection, cache, counts, o, pipe.Writer, stop.Token), CancellationToken.None);
        fill = filling;
        return new PrefetchStream(pipe.Reader, () =>
        {
            // The reader is gone: a GET still running has nobody to deliver to.
            stop.Cancel();
            filling.ContinueWith(static (_, s) => ((CancellationTokenSource)s!).Dispose(), stop, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        });
    }

    private static async Task Fill(S3Connection connection, ObjectCache? cache, SourceCounts counts, RemoteObject o, PipeWriter writer, CancellationToken cancel)
    {
        AtomicFile? file = null;
        try
        {
            file = cache?.BeginWrite(o);
        }
        catch (IOException)
        {
            // An unwritable cache only costs the next run a fetch.
        }

        try
        {
            bool whole = await ObjectFetcher.FetchAsync(connection, counts, o, 0, async (chunk, token) =>
            {
                if (file is not null)
                {
                    try
                    {
                        await file.Stream.WriteAsync(chunk, token).ConfigureAwait(false);
                    }
                    catch (IOException)
                    {
                        // A full or failing cache disk costs the next run a fetch, not this object.
                        file.Dispose();
                        file = null;
                    }
                }

                FlushResult flushed = await writer.WriteAsync(chunk, token).ConfigureAwait(false);
                return !flushed.IsCompleted;
            }, null, cancel).ConfigureAwait(false);
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
}
