using System.IO.Pipelines;

namespace TrailSift.Core.Sources.Remote;

/// <summary>The reading end of one prefetched object; disposing it stops the fetch if unfinished and frees its slot.</summary>
/// <remarks>Not thread-safe; one reader.</remarks>
internal sealed class PrefetchStream : ReadOnlyStream
{
    private readonly PipeReader _reader;
    private readonly Stream _inner;
    private readonly Action _released;
    private long _returned;
    private bool _disposed;

    public PrefetchStream(PipeReader reader, Action released)
    {
        _reader = reader;
        _inner = reader.AsStream(leaveOpen: true);
        _released = released;
    }

    protected override long BytesReturned => _returned;

    public override int Read(Span<byte> buffer)
    {
        int n = _inner.Read(buffer);
        _returned += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _returned += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _inner.Dispose();
            _reader.Complete();
            _released();
        }

        base.Dispose(disposing);
    }
}
