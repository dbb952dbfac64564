using System.Buffers;

namespace TrailSift.Core.Common;

/*! Common: tiny primitives used by every layer (ordered parallel output, wildcard and ARN helpers,
    diagnostics). Depends on the BCL only. */

/// <summary>
/// Writes the output of objects processed in parallel in their sequence order (file path order),
/// whatever the thread count. Each worker writes through its own <see cref="OrderedWriter"/>; the
/// worker holding the lowest unfinished sequence writes straight through, others buffer, and a worker
/// whose buffer passes <see cref="MaxBufferedBytes"/> waits for its turn, which keeps memory bounded.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class OrderedOutput
{
    private readonly Stream _destination;
    private readonly object _gate = new();
    private readonly Dictionary<int, ArrayBufferWriter<byte>?> _finished = [];
    private int _next;

    /// <summary>Creates an ordered output over <paramref name="destination"/>.</summary>
    public OrderedOutput(Stream destination, int maxBufferedBytes = 4 * 1024 * 1024)
    {
        _destination = destination;
        MaxBufferedBytes = maxBufferedBytes;
    }

    /// <summary>How much one worker may buffer before it waits for its turn.</summary>
    public int MaxBufferedBytes { get; }

    /// <summary>The destination failed (for example a closed pipe); all writes are dropped from then on.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>The exception that broke the destination.</summary>
    public IOException? Failure { get; private set; }

    /// <summary>Creates the writer for one worker.</summary>
    public OrderedWriter CreateWriter() => new(this);

    internal bool IsHead(int sequence)
    {
        lock (_gate)
        {
            return _next == sequence;
        }
    }

    internal void WaitForTurn(int sequence, CancellationToken cancel)
    {
        lock (_gate)
        {
            while (_next != sequence && !IsBroken && !cancel.IsCancellationRequested)
            {
                Monitor.Wait(_gate, 100);
            }
        }
    }

    internal void WriteDirect(ReadOnlySpan<byte> data)
    {
        if (IsBroken || data.IsEmpty)
        {
            return;
        }

        try
        {
            _destination.Write(data);
        }
        catch (IOException e)
        {
            Break(e);
        }
    }

    internal void Complete(int sequence, ArrayBufferWriter<byte>? pending)
    {
        lock (_gate)
        {
            _finished[sequence] = pending;
            while (_finished.Remove(_next, out ArrayBufferWriter<byte>? ready))
            {
                if (ready is not null)
                {
                    WriteDirect(ready.WrittenSpan);
                }

                _next++;
            }

            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Flushes the destination.</summary>
    public void Flush()
    {
        if (IsBroken)
        {
            return;
        }

        try
        {
            _destination.Flush();
        }
        catch (IOException e)
        {
            Break(e);
        }
    }

    private void Break(IOException e)
    {
        IsBroken = true;
        Failure ??= e;
    }
}
