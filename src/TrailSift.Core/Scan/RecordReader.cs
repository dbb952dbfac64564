using System.Buffers;
using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Scan;

/*! Scan: the hot path. RecordReader splits a decompressed stream into event records with one
    Utf8JsonReader pass that also fills each record's token index; Scanner and ParallelScanner drive
    it over log objects. Depends on Sources, Events and Common; never on Query, Analysis or Output. */

/// <summary>
/// Reads event records from a decompressed stream holding any sequence of supported top-level values (see
/// <see cref="InputFormat"/>): <c>{"Records":[…]}</c> documents (one, or many concatenated as <c>zcat *.json.gz</c>
/// gives them), arrays of events, event objects (NDJSON), <c>lookup-events</c> output. Only the current record
/// is kept, in a pooled buffer that shifts or grows (STJ's ReadBufferState pattern).
/// </summary>
/// <remarks>
/// A bad value does not end the stream: a record that is not an object, nested too deep or over the size limit is
/// skipped and reported, and after invalid JSON the reader resynchronises at the next line or the next
/// <c>{"Records"</c> document (<see cref="TakeShapeError"/>). Mutable; one instance per worker and stream. Not thread-safe.
/// </remarks>
public sealed partial class RecordReader : IDisposable
{
    /// <summary>Largest single record accepted (CloudTrail caps request and response fields at 100 KB each).</summary>
    public const int DefaultMaxRecordBytes = 64 * 1024 * 1024;

    /// <summary>Deepest nesting accepted in a record (the record object itself is level 1), as <see cref="RecordIndex"/> allows.</summary>
    public const int MaxRecordDepth = PlainObjectScanner.MaxDepth;

    // The reader's own limit only guards against absurd nesting; records are held to MaxRecordDepth by the reader
    // below, so a too-deep record is skipped structurally instead of ending the stream.
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowMultipleValues = true, MaxDepth = 1 << 16 };

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private readonly int _initialBytes;
    private byte[] _buffer;
    private byte[] _aux = [];
    private int _pos;        // where the next reader starts
    private int _end;        // end of valid data
    private int _recStart = -1;
    private long _discarded; // bytes dropped from the front of the buffer so far
    private bool _eof;
    private bool _done;
    private JsonReaderState _state = new(ReaderOptions);
    private Phase _phase = Phase.TopLevel;

    /// <summary>Creates a reader over <paramref name="stream"/> (already decompressed).</summary>
    public RecordReader(Stream stream, int initialBufferBytes = 256 * 1024, int maxRecordBytes = DefaultMaxRecordBytes)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _initialBytes = Math.Max(Math.Min(initialBufferBytes, maxRecordBytes), 16);
        _buffer = ArrayPool<byte>.Shared.Rent(_initialBytes);
    }

    /// <summary>
    /// When true, records are split without building their token index; <see cref="EventRecord"/> builds it on
    /// first use. Pays when most records are rejected by a raw-bytes prefilter and never looked into.
    /// </summary>
    public bool DeferIndex { get; set; }

    /// <summary>The format of the first value recognised (later values may have other shapes).</summary>
    public InputFormat Format { get; private set; }

    /// <summary>Decompressed bytes read from the stream so far.</summary>
    public long BytesRead => _discarded + _end;

    private enum Phase
    {
        TopLevel,            // between top-level values: whitespace, then a value or the end
        TopValue,            // the first token of a top-level value
        WrapperKey,          // in the top-level object of a wrapper: a key or the end
        ExpectEventsArray,   // after "Records"/"Events": the array must follow
        SkipValue,           // skipping a value we do not need
        Elements,            // in an events array: an element or the end
        InRecord,            // inside a record (tokens go to the index)
        InLargeRecord,       // inside a large record, split without its index (built if someone looks inside)
        SkipRecord,          // inside a record being dropped (too deep or too large)
        InLookupElement,     // inside one element of lookup-events' Events array
        ExpectLookupString,  // after "CloudTrailEvent": the escaped event must follow
    }

    private int _skipDepth;
    private Phase _afterSkip;
    private int _recDepth;        // reader depth of the current record's '{'
    private bool _recordIsTop;    // the current record is a top-level object (NDJSON), not an array element
    private bool _undecided;      // a top-level object not yet known to be an event or a wrapper
    private bool _arrayInWrapper; // the current events array belongs to a wrapper object
    private bool _lookupArray;    // ... and is lookup-events' Events array

    /// <summary>Reads the next record into <paramref name="record"/>.</summary>
    /// <returns>False at the end of the data (or for digest files).</returns>
    /// <exception cref="RecordReadException">No JSON at all, not a CloudTrail log, or an I/O or decompression fault.</exception>
    public bool TryRead(EventRecord record)
    {
        AttachBudget(record);
        while (!_done)
        {
            if (_phase == Phase.TopLevel && !StartTopLevelValue())
            {
                if (_eof)
                {
                    FinishInput();
                    return false;
                }

                Fill();
                continue;
            }

            var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _eof, _state);
            Outcome outcome;
            try
            {
                outcome = Step(ref reader, record);
            }
            catch (JsonException e)
            {
                Recover(Reason(e), _discarded + _pos + reader.BytesConsumed);
                continue;
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
                case Outcome.Continue:
                    break;
                default:
                    if (_eof)
                    {
                        // The final block ended inside a value without the reader failing: report it as a truncation.
                        Recover("unexpected end of data", _discarded + _end);
                        continue;
                    }

                    Fill();
                    break;
            }
        }

        return false;
    }

    private enum Outcome
    {
        Record,
        NeedData,
        Continue,   // a top-level value ended: back to TryRead, which starts the next one
        Finished,
    }

    private Outcome Step(ref Utf8JsonReader reader, EventRecord record)
    {
        while (true)
        {
            if (_phase == Phase.InRecord)
            {
                if (ReadRecordTokens(ref reader, record) is Outcome done)
                {
                    return done;
                }

                continue;
            }

            if (_phase == Phase.InLargeRecord)
            {
                if (SplitLargeRecord(ref reader, record) is Outcome large)
                {
                    return large;
                }

                continue;
            }

            if (_phase == Phase.SkipRecord)
            {
                if (SkipRecordTokens(ref reader) is Outcome skipped)
                {
                    return skipped;
                }

                continue;
            }

            if (!reader.Read())
            {
                return Outcome.NeedData;
            }

            JsonTokenType token = reader.TokenType;
            switch (_phase)
            {
                case Phase.TopValue:
                    if (token == JsonTokenType.StartObject)
                    {
                        if (BeginRecord(ref reader, record, top: true))
                        {
                            return EndRecord(ref reader, record);
                        }
                    }
                    else if (token == JsonTokenType.StartArray)
                    {
                        SetFormat(InputFormat.EventArray);
                        _arrayInWrapper = false;
                        _lookupArray = false;
                        _phase = Phase.Elements;
                    }
                    else
                    {
                        Problem($"{LinePrefix(Abs(ref reader))}value at byte {Abs(ref reader)} is a {Describe(token)}, not an event object or a {{\"Records\":[…]}} document; skipped");
                        _phase = Phase.TopLevel;
                        return Outcome.Continue;
                    }

                    break;

                case Phase.WrapperKey:
                    if (token == JsonTokenType.EndObject)
                    {
                        _phase = Phase.TopLevel;
                        return Outcome.Continue;
                    }

                    if (reader.ValueTextEquals("Records"u8) || reader.ValueTextEquals("Events"u8))
                    {
                        _lookupArray = reader.ValueTextEquals("Events"u8);
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
                        Problem($"\"{(_lookupArray ? "Events" : "Records")}\" at byte {Abs(ref reader)} is a {Describe(token)}, not an array; skipped");
                        SkipCurrent(ref reader, Phase.WrapperKey);
                        break;
                    }

                    _arrayInWrapper = true;
                    _phase = Phase.Elements;
                    break;

                case Phase.SkipValue:
                    if (_skipDepth < 0)
                    {
                        SkipCurrent(ref reader, _afterSkip);
                    }
                    else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth)
                    {
                        _phase = _afterSkip;
                    }

                    break;

                case Phase.Elements:
                    if (token == JsonTokenType.EndArray)
                    {
                        if (_arrayInWrapper)
                        {
                            _phase = Phase.WrapperKey;
                            break;
                        }

                        _phase = Phase.TopLevel;
                        return Outcome.Continue;
                    }

                    if (token == JsonTokenType.StartObject)
                    {
                        if (_lookupArray)
                        {
                            _phase = Phase.InLookupElement;
                        }
                        else if (BeginRecord(ref reader, record, top: false))
                        {
                            return EndRecord(ref reader, record);
                        }
                    }
                    else
                    {
                        // A scalar or array where an event should be: report it and move on.
                        Problem($"element at byte {Abs(ref reader)} is a {Describe(token)}, not an event object; skipped");
                        SkipCurrent(ref reader, Phase.Elements);
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
                        Problem($"lookup-events: CloudTrailEvent at byte {Abs(ref reader)} is a {Describe(token)}, not a string; skipped");
                        SkipCurrent(ref reader, Phase.InLookupElement);
                        break;
                    }

                    if (LoadLookupEvent(ref reader, record))
                    {
                        return Outcome.Record;
                    }

                    break;
            }
        }
    }

    // Skips the value whose first token the reader is on: nothing more for a scalar, up to its end for a container.
    private void SkipCurrent(ref Utf8JsonReader reader, Phase after)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _phase = Phase.SkipValue;
            _afterSkip = after;
            _skipDepth = reader.CurrentDepth;
        }
        else
        {
            _phase = after;
        }
    }

    private void Skip(Phase after)
    {
        _phase = Phase.SkipValue;
        _afterSkip = after;
        _skipDepth = -1;
    }

    private bool LoadLookupEvent(ref Utf8JsonReader reader, EventRecord record)
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

        long at = Abs(ref reader);
        _phase = Phase.InLookupElement;
        try
        {
            int n = reader.CopyString(_aux);
            record.Load(_aux, 0, n);
            EnsureValidUtf8(record);
        }
        catch (InvalidOperationException)
        {
            // CopyString: the string's bytes or escapes do not decode (invalid UTF-8, a lone surrogate escape).
            Problem($"lookup-events: CloudTrailEvent at byte {at} is not valid UTF-8; skipped");
            return false;
        }
        catch (JsonException e)
        {
            Problem($"lookup-events: CloudTrailEvent at byte {at} is not valid JSON ({Reason(e)}); skipped");
            return false;
        }

        if (record.Root.Kind != JsonKind.Object)
        {
            Problem($"lookup-events: CloudTrailEvent at byte {at} is not a JSON object; skipped");
            return false;
        }

        _records++;
        return true;
    }

    private long Abs(ref Utf8JsonReader reader) => _discarded + _pos + reader.TokenStartIndex;

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        ReleaseBuffer();

        if (_aux.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_aux);
            _aux = [];
        }

        if (_repair.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_repair);
            _repair = [];
        }
    }
}
