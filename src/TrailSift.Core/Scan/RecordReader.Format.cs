using System.Buffers;
using System.Text.Json;
using TrailSift.Core.Events;

namespace TrailSift.Core.Scan;

/// <content>Format detection: what kind of JSON a log object holds.</content>
public sealed partial class RecordReader
{
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
}
