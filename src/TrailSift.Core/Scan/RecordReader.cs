using System.Buffers;
using System.Text.Json;
using TrailSift.Core.Events;

namespace TrailSift.Core.Scan;

/*! Scan: the hot path. RecordReader splits a decompressed stream into event records with one
    Utf8JsonReader pass that also fills each record's token index; Scanner and ParallelScanner drive
    it over log objects. Depends on Sources, Events and Common; never on Query, Analysis or Output. */

/// <summary>
/// Reads event records from a decompressed stream in any supported shape (see <see cref="InputFormat"/>),
/// keeping only the current record in a pooled buffer that shifts or doubles (STJ's ReadBufferState pattern).
/// </summary>
/// <remarks>Mutable; one instance per worker and stream. Not thread-safe.</remarks>
public sealed partial class RecordReader : IDisposable
{
    /// <summary>Largest single record accepted (CloudTrail caps request and response fields at 100 KB each).</summary>
    public const int DefaultMaxRecordBytes = 64 * 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { AllowMultipleValues = true, MaxDepth = 256 };

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private byte[] _buffer;
    private byte[] _aux = [];
    private int _pos;        // where the next reader starts
    private int _end;        // end of valid data
    private int _recStart = -1;
    private long _discarded; // bytes dropped from the front of the buffer so far
    private bool _eof;
    private bool _done;
    private JsonReaderState _state = new(ReaderOptions);
    private Phase _phase = Phase.Start;
    private int _topLevelValues;
    private readonly Queue<string> _shapeErrors = new();
    private bool _bomChecked;

    /// <summary>Creates a reader over <paramref name="stream"/> (already decompressed).</summary>
    public RecordReader(Stream stream, int initialBufferBytes = 256 * 1024, int maxRecordBytes = DefaultMaxRecordBytes)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialBufferBytes, 16));
    }

    /// <summary>
    /// When true, records are split without building their token index; <see cref="EventRecord"/> builds it on
    /// first use. Pays when most records are rejected by a raw-bytes prefilter and never looked into.
    /// </summary>
    public bool DeferIndex { get; set; }

    /// <summary>The format detected so far.</summary>
    public InputFormat Format { get; private set; }

    /// <summary>Decompressed bytes read from the stream so far.</summary>
    public long BytesRead => _discarded + _end;

    /// <summary>
    /// A problem with one element that was skipped (for example a string inside <c>Records</c>); the reader
    /// has moved past it. Read and cleared by the caller after each <see cref="TryRead"/>.
    /// </summary>
    public string? TakeShapeError() => _shapeErrors.Count > 0 ? _shapeErrors.Dequeue() : null;

    private enum Phase
    {
        Start,               // before the first token
        WrapperKey,          // in the top-level object of a wrapper: a key or the end
        ExpectEventsArray,   // after "Records"/"Events": the array must follow
        SkipValue,           // skipping a value we do not need
        Elements,            // in the events array: an element or the end
        InRecord,            // inside a record (tokens go to the index)
        InLookupElement,     // inside one element of lookup-events' Events array
        ExpectLookupString,  // after "CloudTrailEvent": the escaped event must follow
        StreamBetween,       // between top-level objects of an event stream
        AfterTop,            // after the top-level value: only whitespace may follow
    }

    private int _skipDepth;
    private Phase _afterSkip;

    /// <summary>Reads the next record into <paramref name="record"/>.</summary>
    /// <returns>False at the end of the data (or for digest files).</returns>
    /// <exception cref="RecordReadException">Invalid JSON, a non-CloudTrail shape, a record over the size limit, or an I/O fault.</exception>
    public bool TryRead(EventRecord record)
    {
        if (_done)
        {
            return false;
        }

        if (Format == InputFormat.Unknown && !DetectFormat())
        {
            return false;
        }

        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _eof, _state);
            Outcome outcome;
            try
            {
                outcome = Step(ref reader, record);
            }
            catch (JsonException e)
            {
                throw new RecordReadException(Describe(e, reader.BytesConsumed), e);
            }

            _pos += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            switch (outcome)
            {
                case Outcome.Record:
                    return true;
                case Outcome.Finished:
                    _done = true;
                    return false;
                default:
                    if (_eof)
                    {
                        throw new RecordReadException($"unexpected end of data at byte {_discarded + _end} (file truncated?)");
                    }

                    Fill();
                    break;
            }
        }
    }

    private enum Outcome
    {
        Record,
        NeedData,
        Finished,
    }

    private Outcome Step(ref Utf8JsonReader reader, EventRecord record)
    {
        while (true)
        {
            if (_phase == Phase.InRecord)
            {
                long baseOffset = _pos - _recStart;
                while (reader.Read())
                {
                    if (record.IndexUnderConstruction.Append(ref reader, baseOffset))
                    {
                        record.SetIndexed(_buffer, _recStart, RecordLength(ref reader));
                        return EndRecord(record);
                    }
                }

                return Outcome.NeedData;
            }

            if (!reader.Read())
            {
                return _eof && _phase is Phase.AfterTop or Phase.StreamBetween ? Outcome.Finished : Outcome.NeedData;
            }

            JsonTokenType token = reader.TokenType;
            switch (_phase)
            {
                case Phase.Start:
                    if (Format == InputFormat.EventArray)
                    {
                        _phase = Phase.Elements;
                    }
                    else if (Format == InputFormat.EventStream)
                    {
                        if (BeginRecord(ref reader, record))
                        {
                            return EndRecord(record);
                        }
                    }
                    else
                    {
                        _phase = Phase.WrapperKey;
                    }

                    break;

                case Phase.WrapperKey:
                    if (token == JsonTokenType.EndObject)
                    {
                        _phase = Phase.AfterTop;
                    }
                    else if (reader.ValueTextEquals(Format == InputFormat.RecordsWrapper ? "Records"u8 : "Events"u8))
                    {
                        _phase = Phase.ExpectEventsArray;
                    }
                    else
                    {
                        Skip(Phase.WrapperKey);
                    }

                    break;

                case Phase.ExpectEventsArray:
                    if (token != JsonTokenType.StartArray)
                    {
                        throw new RecordReadException($"not a CloudTrail log: \"{(Format == InputFormat.RecordsWrapper ? "Records" : "Events")}\" is a {Describe(token)}, not an array");
                    }

                    _phase = Phase.Elements;
                    break;

                case Phase.SkipValue:
                    if (_skipDepth < 0)
                    {
                        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            _skipDepth = reader.CurrentDepth;
                        }
                        else
                        {
                            _phase = _afterSkip;
                        }
                    }
                    else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth)
                    {
                        _phase = _afterSkip;
                    }

                    break;

                case Phase.Elements:
                    if (token == JsonTokenType.EndArray)
                    {
                        _phase = Format == InputFormat.EventArray ? Phase.AfterTop : Phase.WrapperKey;
                    }
                    else if (token == JsonTokenType.StartObject)
                    {
                        if (Format == InputFormat.LookupEvents)
                        {
                            _phase = Phase.InLookupElement;
                        }
                        else if (BeginRecord(ref reader, record))
                        {
                            return EndRecord(record);
                        }
                    }
                    else
                    {
                        // A scalar or array where an event should be: report it and move on.
                        _shapeErrors.Enqueue($"element at byte {_discarded + _pos + reader.TokenStartIndex} is a {Describe(token)}, not an event object; skipped");
                        if (token == JsonTokenType.StartArray)
                        {
                            Skip(Phase.Elements);
                            _skipDepth = reader.CurrentDepth;
                        }
                    }

                    break;

                case Phase.InLookupElement:
                    if (token == JsonTokenType.EndObject)
                    {
                        _phase = Phase.Elements;
                    }
                    else if (reader.ValueTextEquals("CloudTrailEvent"u8))
                    {
                        _phase = Phase.ExpectLookupString;
                    }
                    else
                    {
                        Skip(Phase.InLookupElement);
                    }

                    break;

                case Phase.ExpectLookupString:
                    if (token != JsonTokenType.String)
                    {
                        throw new RecordReadException("lookup-events: CloudTrailEvent is not a string");
                    }

                    LoadLookupEvent(ref reader, record);
                    return Outcome.Record;

                case Phase.StreamBetween:
                    if (token != JsonTokenType.StartObject)
                    {
                        throw new RecordReadException($"value at byte {_discarded + _pos + reader.TokenStartIndex} is a {Describe(token)}, not an event object");
                    }

                    if (BeginRecord(ref reader, record))
                    {
                        return EndRecord(record);
                    }

                    break;

                case Phase.AfterTop:
                    throw new RecordReadException($"unexpected data after the end of the JSON at byte {_discarded + _pos + reader.TokenStartIndex}");
            }
        }
    }

    private void Skip(Phase after)
    {
        _phase = Phase.SkipValue;
        _afterSkip = after;
        _skipDepth = -1;
    }

    // Starts a record at its '{'. With DeferIndex, a record wholly in the buffer is skipped in one call (still
    // validated) and indexed only if someone looks inside; returns true when the record is already complete.
    private bool BeginRecord(ref Utf8JsonReader reader, EventRecord record)
    {
        _recStart = _pos + (int)reader.TokenStartIndex;
        if (DeferIndex && reader.TrySkip())
        {
            record.SetUnindexed(_buffer, _recStart, RecordLength(ref reader));
            return true;
        }

        record.IndexUnderConstruction.Reset();
        record.IndexUnderConstruction.Append(ref reader, _pos - _recStart);
        _phase = Phase.InRecord;
        return false;
    }

    private int RecordLength(ref Utf8JsonReader reader) => checked(_pos + (int)reader.BytesConsumed - _recStart);

    private Outcome EndRecord(EventRecord record)
    {
        _recStart = -1;
        _phase = Format == InputFormat.EventStream ? Phase.StreamBetween : Phase.Elements;
        if (Format == InputFormat.EventStream && _topLevelValues++ == 0 && !LooksLikeEvent(record))
        {
            return FirstObjectIsNotAnEvent(record);
        }

        return Outcome.Record;
    }

    private void LoadLookupEvent(ref Utf8JsonReader reader, EventRecord record)
    {
        int needed = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (_aux.Length < needed)
        {
            if (_aux.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_aux);
            }

            _aux = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 4096));
        }

        int n = reader.CopyString(_aux);
        try
        {
            record.Load(_aux, 0, n);
        }
        catch (JsonException e)
        {
            throw new RecordReadException($"lookup-events: CloudTrailEvent is not valid JSON: {e.Message}", e);
        }

        _phase = Phase.InLookupElement;
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        if (_aux.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_aux);
            _aux = [];
        }
    }
}
