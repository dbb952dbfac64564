using System.Buffers;
using Amazon.Runtime;
using Amazon.S3.Model;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// One object's GET, streamed in chunks to a consumer, surviving throttling (<c>503 SlowDown</c>), server
/// errors, dropped connections and short bodies: each retry waits (exponential backoff with jitter) and goes
/// on with a Range GET from the first byte not yet delivered, only while the ETag is unchanged, so the consumer
/// sees every byte once, in order. A failure that retries cannot cure ends as an <see cref="IOException"/>
/// carrying a one-line reason.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class ObjectFetcher
{
    /// <summary>The size of the chunks a fetch delivers.</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>What the first response said about the object (its user metadata, for digest signatures).</summary>
    public delegate void HeadersSeen(IReadOnlyDictionary<string, string> metadata);

    /// <summary>
    /// Delivers the bytes of <paramref name="o"/> from <paramref name="offset"/> to <paramref name="write"/>,
    /// which returns false when its reader has gone (the fetch then stops quietly and returns false).
    /// </summary>
    public static async Task<bool> FetchAsync(S3Connection connection, SourceCounts counts, RemoteObject o, long offset,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask<bool>> write, HeadersSeen? headers, CancellationToken cancel)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        int attempt = 0;
        try
        {
            while (true)
            {
                try
                {
                    using GetObjectResponse response = await connection.GetAsync(o.Bucket, o.Key, o.ETag, offset, o.Size, cancel).ConfigureAwait(false);
                    if (o.ETag.Length > 0 && response.ETag is { Length: > 0 } etag && etag != o.ETag)
                    {
                        throw new S3AccessException($"the object changed while it was read (ETag {o.ETag} became {etag})");
                    }

                    if (headers is not null)
                    {
                        headers(Metadata(response));
                        headers = null;
                    }

                    Stream body = response.ResponseStream;
                    int n;
                    while (offset < o.Size && (n = await ReadBody(body, buffer.AsMemory(0, (int)Math.Min(ChunkBytes, o.Size - offset)), offset, o.Size, cancel).ConfigureAwait(false)) > 0)
                    {
                        counts.AddBytesFetched(n);
                        if (!await write(buffer.AsMemory(0, n), cancel).ConfigureAwait(false))
                        {
                            return false;
                        }

                        offset += n;
                    }

                    if (offset < o.Size)
                    {
                        throw new EndOfStreamException($"the body ended at byte {offset} of {o.Size}");
                    }

                    counts.AddFetched();
                    return true;
                }
                catch (Exception e) when (!cancel.IsCancellationRequested && S3ErrorText.IsTransient(e) && ++attempt < connection.Settings.MaxAttempts)
                {
                    counts.AddRetry();
                    await Task.Delay(Backoff(connection.Settings.RetryDelay, attempt), cancel).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
                {
                    string after = attempt > 1 ? $" (after {attempt} attempts)" : string.Empty;
                    throw new IOException(S3ErrorText.ForGet(e, o.Bucket, o.Key) + after, e);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The SDK checks a whole object's MD5 at the end of its body and throws when it differs. Short of the
    // listed size that is a truncated body (what arrived is a correct prefix, so the retry resumes after it);
    // at full size the bytes are corrupt, and the failure stands.
    private static async ValueTask<int> ReadBody(Stream body, Memory<byte> buffer, long offset, long size, CancellationToken cancel)
    {
        try
        {
            return await body.ReadAsync(buffer, cancel).ConfigureAwait(false);
        }
        catch (AmazonClientException e) when (offset < size)
        {
            throw new EndOfStreamException($"the body ended at byte {offset} of {size} ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static Dictionary<string, string> Metadata(GetObjectResponse response)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in response.Metadata.Keys)
        {
            string key = name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name : "x-amz-meta-" + name;
            all[key] = response.Metadata[name];
        }

        return all;
    }

    private static TimeSpan Backoff(TimeSpan first, int attempt)
    {
        double ms = Math.Min(5000, first.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ms / 2 + Random.Shared.NextDouble() * ms / 2);
    }
}
