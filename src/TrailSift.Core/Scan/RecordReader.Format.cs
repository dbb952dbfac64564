using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Scan;

/// <content>
/// What each top-level value is. A top-level object is read as an event until one of its own keys says
/// otherwise: <c>Records</c> or <c>Events</c> make it a wrapper (whatever keys come first, as in
/// <c>{"NextToken":…,"Events":[…]}</c>), a CloudTrail event key (<c>eventVersion</c>, <c>eventTime</c>,
/// <c>userIdentity</c>, …) makes it an event, and an object with neither is skipped: silently when it is the
/// first value (a header line, or a digest file), with a report after that.
/// </content>
public sealed partial class RecordReader
{
    private static readonly byte[][] EventKeys =
    [
        "userIdentity"u8.ToArray(), "awsRegion"u8.ToArray(), "sourceIPAddress"u8.ToArray(), "userAgent"u8.ToArray(),
        "requestParameters"u8.ToArray(), "responseElements"u8.ToArray(), "requestID"u8.ToArray(), "errorCode"u8.ToArray(),
        "errorMessage"u8.ToArray(), "recipientAccountId"u8.ToArray(), "@timestamp"u8.ToArray(),
    ];

    private long _values;          // top-level values started
    private long _topStartAbs;     // where the current top-level value starts
    private bool _sawWrapper;
    private bool _headerSkipped;
    private bool _bomChecked;

    private enum KeyKind
    {
        Other,
        Event,
        Records,
        Events,
    }

    // Skips whitespace between top-level values and starts the next one; false when more data is needed (or at the end).
    private bool StartTopLevelValue()
    {
        if (!_bomChecked)
        {
            if (_end - _pos < 3 && !_eof)
            {
                return false;
            }

            _bomChecked = true;
            if (_buffer.AsSpan(_pos, _end - _pos).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _pos += 3;
            }
        }

        int i = _buffer.AsSpan(_pos, _end - _pos).IndexOfAnyExcept(" \t\r\n"u8);
        if (i < 0)
        {
            _pos = _end;
            return false;
        }

        _pos += i;
        _topStartAbs = _discarded + _pos;
        _recordsInValue = false;
        _values++;
        _state = new JsonReaderState(ReaderOptions);
        _phase = Phase.TopValue;
        return true;
    }

    private static KeyKind ClassifyKey(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.ValueTextEquals("Records"u8) ? KeyKind.Records : reader.ValueTextEquals("Events"u8) ? KeyKind.Events : KeyKind.Other;
        }

        ReadOnlySpan<byte> key = reader.ValueSpan;
        if (key.StartsWith("event"u8))
        {
            return KeyKind.Event;
        }

        if (key.SequenceEqual("Records"u8))
        {
            return KeyKind.Records;
        }

        if (key.SequenceEqual("Events"u8))
        {
            return KeyKind.Events;
        }

        foreach (byte[] k in EventKeys)
        {
            if (key.SequenceEqual(k))
            {
                return KeyKind.Event;
            }
        }

        return KeyKind.Other;
    }

    // A top-level object turned out to be a wrapper: forget the tokens read so far and read its events array.
    private void BecomeWrapper(bool lookup)
    {
        _recStart = -1;
        _undecided = false;
        _sawWrapper = true;
        SetFormat(lookup ? InputFormat.LookupEvents : InputFormat.RecordsWrapper);
        _lookupArray = lookup;
        _phase = Phase.ExpectEventsArray;
    }

    // A top-level object ended without a key that makes it an event or a wrapper.
    private Outcome EndUndecidedObject(ref Utf8JsonReader reader, EventRecord record)
    {
        long at = _discarded + _recStart;
        record.SetIndexed(_buffer, _recStart, RecordLength(ref reader));
        EnsureValidUtf8(record);
        _recStart = -1;
        _undecided = false;
        _phase = Phase.TopLevel;
        if (_values == 1)
        {
            JsonNode root = record.Root;
            if (root.GetProperty("digestStartTime"u8).Kind != JsonKind.Undefined
                || root.GetProperty("digestPublicKeyFingerprint"u8).Kind != JsonKind.Undefined)
            {
                Format = InputFormat.Digest;
                return Outcome.Finished;
            }

            _headerSkipped = true;
            return Outcome.Continue;
        }

        Problem($"{LinePrefix(at)}object at byte {at} has no eventName, eventSource, eventTime or Records; skipped");
        return Outcome.Continue;
    }

    private void SetFormat(InputFormat format)
    {
        if (Format == InputFormat.Unknown)
        {
            Format = format;
        }
    }

    // At the end of the data.
    private void FinishInput()
    {
        _done = true;
        if (_buffer.Length > FreeBufferBytes)
        {
            _buffer = []; // a large record's buffer: freed now rather than when the reader is disposed
        }

        ReleaseMemory();
        if (_values == 0)
        {
            throw new RecordReadException("empty input: no JSON found");
        }

        if (_records == 0 && !_sawWrapper && _headerSkipped && Format == InputFormat.Unknown)
        {
            throw new RecordReadException("not a CloudTrail log: the first object has no eventName, eventSource, eventTime or Records");
        }

        if (_problemsNotShown > 0)
        {
            _shapeErrors.Enqueue($"{_problemsNotShown} more problems in this input not shown");
        }
    }
}
