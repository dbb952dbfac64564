using System.Buffers;
using System.Text.Json;
using TrailSift.Core.Events;

namespace TrailSift.Core.Scan;

/// <content>
/// Memory for large records. Up to <see cref="FreeBufferBytes"/> the buffer comes from the shared pool and costs
/// nothing against the budget. Beyond it: the buffer is allocated outside the pool (so it is freed, not kept,
/// when the record is done) and reserved in the worker's <see cref="MemoryBudget"/> lease first, waiting if
/// other workers hold the budget; the record is split without its token index (built only if a filter or a sink
/// looks inside); and once the record is done the buffer shrinks back and the reservation is given back.
/// </content>
public sealed partial class RecordReader
{
    /// <summary>Buffer bytes a reader holds without asking the budget.</summary>
    public const int FreeBufferBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Budget reserved per byte of a large record for its token index, should something read it: a token is 20 bytes,
    /// a record as dense as <c>[1,1,…]</c> has one per 2 bytes, and the table grows by doubling (1.5× while copying).
    /// </summary>
    public const int IndexBytesPerByte = 15;

    private EventRecord? _record; // the record TryRead fills (the previous one is done when it is called again)

    /// <summary>This worker's share of the scan's memory budget; null: no budget (tools and tests).</summary>
    public MemoryBudget.Lease? Memory { get; set; }

    private void Grow()
    {
        int size = Math.Min(_buffer.Length * 2, _maxRecordBytes);
        byte[] bigger;
        if (size <= FreeBufferBytes)
        {
            bigger = ArrayPool<byte>.Shared.Rent(size);
        }
        else
        {
            // The old and the new buffer live together during the copy; and if a filter or sink reads the record,
            // its token index can take up to IndexBytesPerByte per record byte.
            Memory?.EnsureHeld((long)size * (1 + IndexBytesPerByte) + _buffer.Length);
            bigger = GC.AllocateUninitializedArray<byte>(size);
            if (_phase == Phase.InRecord && !_undecided)
            {
                _phase = Phase.InLargeRecord;
            }
        }

        Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
        ReleaseBuffer();
        _buffer = bigger;
    }

    // After a large record: go back to a pooled buffer of the initial size, drop the record's token index (its table
    // can be 10× the record) and give back the reservation.
    private void ShrinkAfterLargeRecord()
    {
        if (_buffer.Length <= FreeBufferBytes || _recStart >= 0 || _end - _pos > _initialBytes)
        {
            return;
        }

        byte[] small = ArrayPool<byte>.Shared.Rent(_initialBytes);
        Buffer.BlockCopy(_buffer, _pos, small, 0, _end - _pos);
        _discarded += _pos;
        _end -= _pos;
        _pos = 0;
        _buffer = small;
        _record?.TrimIndex();
        Memory?.ReleaseAll();
    }

    private void ReleaseBuffer()
    {
        if (_buffer.Length > 0 && _buffer.Length <= FreeBufferBytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
    }

    // Reads to the end of a large record without indexing it. Null: the record was dropped (too deep).
    private Outcome? SplitLargeRecord(ref Utf8JsonReader reader, EventRecord record)
    {
        int deepest = _recDepth + MaxRecordDepth - 1;
        while (reader.Read())
        {
            JsonTokenType t = reader.TokenType;
            if (t == JsonTokenType.EndObject && reader.CurrentDepth == _recDepth)
            {
                record.SetUnindexed(_buffer, _recStart, RecordLength(ref reader));
                EnsureValidUtf8(record);
                return EndRecord(ref reader, record);
            }

            if (IsContainerStart(t) && reader.CurrentDepth > deepest)
            {
                TooDeep();
                return null;
            }
        }

        return Outcome.NeedData;
    }
}
