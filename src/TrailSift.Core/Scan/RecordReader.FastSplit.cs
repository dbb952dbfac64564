using System.Buffers;
using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Scan;

/// <content>
/// The fast split of a record that nothing may look into (<see cref="DeferIndex"/>): one pass over its bytes that finds
/// its end and checks it is JSON, searching strings for their end with a vectorised <see cref="SearchValues{T}"/>
/// scan (<see cref="PlainObjectScanner"/>). It accepts only a subset of what <see cref="Utf8JsonReader"/> accepts (any doubt, an error, a record cut by
/// the buffer's end or nested too deep: it gives up and the reader splits the record), so every error is still the
/// reader's, reported as before.
/// </content>
public sealed partial class RecordReader
{
    private JsonReaderState[]? _afterElement; // reader states just after an array element at depth 1 and 2

    /// <summary>False: deferred records are split by the JSON reader alone (to compare the two; true by default).</summary>
    internal bool FastSplit { get; init; } = true;

    // Splits (and with `indexed`, indexes) an array element record without the reader; false: the reader does it
    // (from the record's '{').
    private bool TryFastSplit(ref Utf8JsonReader reader, EventRecord record, bool indexed)
    {
        if (!FastSplit || !(_recDepth == 2 && _arrayInWrapper) && !(_recDepth == 1 && !_arrayInWrapper))
        {
            return false;
        }

        int length = PlainObjectScanner.Scan(_buffer.AsSpan(_recStart, _end - _recStart), indexed ? record.IndexUnderConstruction : null);
        if (length < 0)
        {
            return false;
        }

        // The reader goes on after the record in the state it would have reached by reading it.
        _pos = _recStart + length;
        reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _eof, AfterElement(_recDepth));
        if (indexed)
        {
            record.SetIndexed(_buffer, _recStart, length);
        }
        else
        {
            record.SetUnindexed(_buffer, _recStart, length);
        }

        EnsureValidUtf8(record);
        return true;
    }

    // The reader's state after an object element of an array at `depth` (1: a top-level array, 2: a wrapper's
    // "Records"): that of a reader that has read `[{}` or `{"Records":[{}`. Only messages' line and column differ,
    // and Reason drops them.
    private JsonReaderState AfterElement(int depth)
    {
        _afterElement ??= [Template("[{}"u8), Template("{\"Records\":[{}"u8)];
        return _afterElement[depth - 1];

        static JsonReaderState Template(ReadOnlySpan<byte> json)
        {
            var r = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(ReaderOptions));
            while (r.Read())
            {
            }

            return r.CurrentState;
        }
    }
}
