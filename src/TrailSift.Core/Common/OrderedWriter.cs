using System.Buffers;

namespace TrailSift.Core.Common;

/// <summary>One worker's view of an <see cref="OrderedOutput"/>: an <see cref="IBufferWriter{T}"/> for the current object.</summary>
/// <remarks>Not thread-safe: owned by one worker.</remarks>
public sealed class OrderedWriter : IBufferWriter<byte>
{
    private const int DirectChunk = 64 * 1024;
    private readonly OrderedOutput _output;
    private ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private int _sequence = -1;
    private bool _direct;

    internal OrderedWriter(OrderedOutput output)
    {
        _output = output;
    }

    /// <summary>Cancellation observed while waiting for this worker's turn.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>True when writes can no longer reach the destination.</summary>
    public bool IsBroken => _output.IsBroken;

    /// <summary>Starts the output of the object with this sequence number.</summary>
    public void Begin(int sequence)
    {
        _sequence = sequence;
        _direct = false;
        _buffer.ResetWrittenCount();
    }

    /// <summary>Ends the current object: its output is written now or as soon as its turn comes.</summary>
    public void End()
    {
        if (_direct)
        {
            _output.WriteDirect(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            _output.Complete(_sequence, null);
        }
        else if (_buffer.WrittenCount == 0)
        {
            _output.Complete(_sequence, null);
        }
        else
        {
            ArrayBufferWriter<byte> handed = _buffer;
            _buffer = new ArrayBufferWriter<byte>(16 * 1024);
            _output.Complete(_sequence, handed);
        }

        _sequence = -1;
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        _buffer.Advance(count);
        if (_buffer.WrittenCount >= DirectChunk)
        {
            Spill();
        }
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

    // Writes through when this object is the head of the queue; otherwise keeps buffering up to the
    // limit and then waits its turn.
    private void Spill()
    {
        if (!_direct && (_output.IsHead(_sequence) || _buffer.WrittenCount >= _output.MaxBufferedBytes))
        {
            _output.WaitForTurn(_sequence, Cancellation);
            _direct = true;
        }

        if (_direct)
        {
            _output.WriteDirect(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }
}
