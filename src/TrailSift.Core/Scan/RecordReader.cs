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
public sealed class RecordReader : IDisposable
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

    // Looks at the first bytes: '[' is an event array; '{' is a wrapper when its first key is
    // "Records" or "Events", otherwise the first event of a stream.
    private bool DetectFormat()
    {
        while (true)
        {
            if (!_bomChecked)
            {
                if (_end - _pos < 3 && !_eof)
                {
                    Fill();
                    continue;
                }

                _bomChecked = true;
                if (_buffer.AsSpan(_pos, _end - _pos).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    _pos += 3;
                }
            }

            int i = _pos;
            while (i < _end && _buffer[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            if (i == _end)
            {
                if (_eof)
                {
                    throw new RecordReadException("empty input: no JSON found");
                }

                Fill();
                continue;
            }

            byte first = _buffer[i];
            if (first == (byte)'[')
            {
                Format = InputFormat.EventArray;
                return true;
            }

            if (first != (byte)'{')
            {
                throw new RecordReadException(first is (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n'
                    ? "not a CloudTrail log: the JSON is not an object or array"
                    : $"not JSON: starts with byte 0x{first:x2}");
            }

            int j = i + 1;
            while (j < _end && _buffer[j] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                j++;
            }

            if (_end - j < 10 && !_eof)
            {
                Fill();
                continue;
            }

            ReadOnlySpan<byte> rest = _buffer.AsSpan(j, _end - j);
            Format = rest.StartsWith("\"Records\""u8) ? InputFormat.RecordsWrapper
                : rest.StartsWith("\"Events\""u8) ? InputFormat.LookupEvents
                : InputFormat.EventStream;
            return true;
        }
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
                    if (record.Index.Append(ref reader, baseOffset))
                    {
                        int length = checked(_pos + (int)reader.BytesConsumed - _recStart);
                        record.SetIndexed(_buffer, _recStart, length);
                        _recStart = -1;
                        _phase = Format == InputFormat.EventStream ? Phase.StreamBetween : Phase.Elements;
                        if (Format == InputFormat.EventStream && _topLevelValues++ == 0 && !LooksLikeEvent(record))
                        {
                            return FirstObjectIsNotAnEvent(record);
                        }

                        return Outcome.Record;
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
                        BeginRecord(ref reader, record);
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
                        else
                        {
                            BeginRecord(ref reader, record);
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

                    BeginRecord(ref reader, record);
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

    private void BeginRecord(ref Utf8JsonReader reader, EventRecord record)
    {
        _recStart = _pos + (int)reader.TokenStartIndex;
        record.Index.Reset();
        record.Index.Append(ref reader, _pos - _recStart);
        _phase = Phase.InRecord;
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

    private static bool LooksLikeEvent(EventRecord record)
    {
        JsonNode root = record.Root;
        return root.GetProperty("eventVersion"u8).Kind != JsonKind.Undefined
            || root.GetProperty("eventName"u8).Kind != JsonKind.Undefined
            || root.GetProperty("eventSource"u8).Kind != JsonKind.Undefined
            || root.GetProperty("eventTime"u8).Kind != JsonKind.Undefined
            || root.GetProperty("eventID"u8).Kind != JsonKind.Undefined
            || root.GetProperty("eventType"u8).Kind != JsonKind.Undefined;
    }

    private Outcome FirstObjectIsNotAnEvent(EventRecord record)
    {
        JsonNode root = record.Root;
        if (root.GetProperty("digestStartTime"u8).Kind != JsonKind.Undefined
            || root.GetProperty("digestPublicKeyFingerprint"u8).Kind != JsonKind.Undefined)
        {
            Format = InputFormat.Digest;
            return Outcome.Finished;
        }

        throw new RecordReadException("not a CloudTrail log: the first object has no eventName, eventSource, eventTime or Records");
    }

    private void Fill()
    {
        int keepFrom = _recStart >= 0 ? Math.Min(_recStart, _pos) : _pos;
        if (keepFrom > 0)
        {
            int live = _end - keepFrom;
            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, live);
            _discarded += keepFrom;
            _pos -= keepFrom;
            _end -= keepFrom;
            if (_recStart >= 0)
            {
                _recStart -= keepFrom;
            }
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordBytes)
            {
                throw new RecordReadException($"a record at byte {_discarded + Math.Max(_recStart, 0)} is larger than the {_maxRecordBytes / (1024 * 1024)} MiB limit");
            }

            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxRecordBytes));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException e)
        {
            throw new RecordReadException($"corrupt compressed data after byte {_discarded + _end}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new RecordReadException($"read error after byte {_discarded + _end}: {e.Message}", e);
        }

        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private string Describe(JsonException e, long consumed)
    {
        string reason = e.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        long at = _discarded + _pos + consumed;
        if (_eof && (reason.Contains("depth to be zero", StringComparison.Ordinal) || reason.Contains("end of data", StringComparison.OrdinalIgnoreCase)))
        {
            return $"unexpected end of data at byte {_discarded + _end} (file truncated?)";
        }

        return $"invalid JSON near byte {at}: {reason.TrimEnd('.')}";
    }

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "array",
        JsonTokenType.StartObject => "object",
        _ => t.ToString(),
    };

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
