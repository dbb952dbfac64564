using System.Buffers;
using System.Text.Json;
using TrailSift.Core.Events;

namespace TrailSift.Core.Scan;

/// <content>
/// Memory for large records. Up to <see cref="FreeBufferBytes"/> the buffer comes from the shared pool and costs
/// nothing against the budget. Beyond it: the buffer is allocated outside the pool (so it is freed, not kept,
/// when the record is done) and reserved in the worker's <see cref="MemoryBudget"/> lease first, waiting if
/// other workers hold the budget; the record is split without its token index (built only if a filter or a sink
/// looks inside, when its table, if beyond the pool, is reserved the same way before it is allocated); and once the
/// record is done the buffer shrinks back, the table is dropped and the reservation is given back.
/// </content>
public sealed partial class RecordReader
{
    /// <summary>Buffer bytes a reader holds without asking the budget.</summary>
    public const int FreeBufferBytes = 4 * 1024 * 1024;

    private EventRecord? _record; // the record TryRead fills (the previous one is done when it is called again)
    private Action<long>? _reserveTable;
    private long _heldForBuffer; // reserved for the large buffer (and the one it was copied from)
    private long _heldForTable;  // reserved for the current record's token table, when it is beyond the pool

    /// <summary>This worker's share of the scan's memory budget; null: no budget (tools and tests).</summary>
    public MemoryBudget.Lease? Memory { get; set; }

    // Lets the record's index reserve its table in the budget (when it is built, now or on first use).
    private void AttachBudget(EventRecord record)
    {
        _record = record;
        record.IndexUnderConstruction.ReserveTable = Memory is null ? null : _reserveTable ??= ReserveTable;
    }

    // Bytes: the new table and the one being copied into it (the older ones are no longer referenced).
    private void ReserveTable(long bytes)
    {
        _heldForTable = Math.Max(_heldForTable, bytes);
        Memory?.EnsureHeld(_heldForBuffer + _heldForTable);
    }

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
            if (_phase == Phase.InRecord && !_undecided)
            {
                // Split the rest without an index; the part built so far is dropped (rebuilt if someone looks inside).
                _phase = Phase.InLargeRecord;
                _record?.IndexUnderConstruction.Trim();
                _heldForTable = 0;
            }

            // The old and the new buffer live together during the copy (the old one until the collector frees it).
            _heldForBuffer = (long)size + _buffer.Length;
            Memory?.Hold(_heldForBuffer + _heldForTable);
            bigger = GC.AllocateUninitializedArray<byte>(size);
        }

        Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
        ReleaseBuffer();
        _buffer = bigger;
    }

    // After a large record (or one whose token table left the pool): go back to a pooled buffer of the initial size,
    // drop the record's token index and give back the reservation.
    private void ShrinkAfterLargeRecord()
    {
        bool largeBuffer = _buffer.Length > FreeBufferBytes;
        if (_recStart >= 0 || !(largeBuffer || _heldForTable > 0) || (largeBuffer && _end - _pos > _initialBytes))
        {
            return;
        }

        if (largeBuffer)
        {
            byte[] small = ArrayPool<byte>.Shared.Rent(_initialBytes);
            Buffer.BlockCopy(_buffer, _pos, small, 0, _end - _pos);
            _discarded += _pos;
            _end -= _pos;
            _pos = 0;
            _buffer = small;
        }

        ReleaseMemory();
    }

    // The record is done: its token table is dropped and the reservation given back. After a large record its buffer
    // and table are collected first: the collector would otherwise keep them until a later collection, so that the
    // next large record (this worker's, or one another worker was waiting to read) came on top of them.
    private void ReleaseMemory()
    {
        _record?.TrimIndex();
        if (_heldForBuffer + _heldForTable > 0)
        {
            _record?.SetIndexed([], 0, 0); // nothing reads a done record; its bytes may be the large buffer
            _heldForBuffer = 0;
            _heldForTable = 0;
            GC.Collect();
        }

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
