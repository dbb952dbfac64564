using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Scan;

/// <content>Splitting one record: indexing its tokens, or skipping it when it is too deep or too large.</content>
public sealed partial class RecordReader
{
    private long _records;          // records returned
    private bool _recordsInValue;   // the current top-level value has returned records
    private long _lastRecordEndAbs; // where the last record of the current top-level value ended

    // Starts a record at its '{'. With DeferIndex, a record wholly in the buffer is split in one pass (still
    // validated) and indexed only if someone looks inside; returns true when the record is already complete.
    private bool BeginRecord(ref Utf8JsonReader reader, EventRecord record, bool top)
    {
        _recStart = _pos + (int)reader.TokenStartIndex;
        _recDepth = reader.CurrentDepth;
        _recordIsTop = top;
        _undecided = top;
        if (DeferIndex ? TrySplitUnindexed(ref reader, record) : !_undecided && TryFastSplit(ref reader, record, indexed: true))
        {
            return true;
        }

        record.IndexUnderConstruction.Reset();
        record.IndexUnderConstruction.Append(ref reader, _pos - _recStart);
        _phase = Phase.InRecord;
        return false;
    }

    // Reads to the end of the record without indexing it. Gives up (the indexed path then takes over from the '{')
    // when the record is incomplete in the buffer, too deep, or a top-level object that is not yet known to be an event.
    private bool TrySplitUnindexed(ref Utf8JsonReader reader, EventRecord record)
    {
        if (!_undecided && TryFastSplit(ref reader, record, indexed: false))
        {
            return true;
        }

        Utf8JsonReader probe = reader;
        bool undecided = _undecided;
        int deepest = _recDepth + MaxRecordDepth - 1;
        while (probe.Read())
        {
            JsonTokenType t = probe.TokenType;
            if (t == JsonTokenType.EndObject)
            {
                if (probe.CurrentDepth == _recDepth)
                {
                    if (undecided)
                    {
                        return false;
                    }

                    reader = probe;
                    _undecided = false;
                    record.SetUnindexed(_buffer, _recStart, RecordLength(ref reader));
                    EnsureValidUtf8(record);
                    return true;
                }
            }
            else if (IsContainerStart(t))
            {
                if (probe.CurrentDepth > deepest)
                {
                    return false;
                }
            }
            else if (undecided && t == JsonTokenType.PropertyName && probe.CurrentDepth == _recDepth + 1)
            {
                switch (ClassifyKey(ref probe))
                {
                    case KeyKind.Event:
                        undecided = false;
                        break;
                    case KeyKind.Records:
                    case KeyKind.Events:
                        return false;
                }
            }
        }

        return false;
    }

    // Feeds the record's tokens to its index. Null: the phase changed (a wrapper recognised, a record dropped).
    private Outcome? ReadRecordTokens(ref Utf8JsonReader reader, EventRecord record)
    {
        RecordIndex index = record.IndexUnderConstruction;
        long baseOffset = _pos - _recStart;
        int deepest = _recDepth + MaxRecordDepth - 1; // a container token deeper than this is level MaxRecordDepth + 1
        if (_undecided)
        {
            while (reader.Read())
            {
                if (index.Append(ref reader, baseOffset))
                {
                    return EndUndecidedObject(ref reader, record);
                }

                JsonTokenType t = reader.TokenType;
                if (t == JsonTokenType.PropertyName && reader.CurrentDepth == _recDepth + 1)
                {
                    KeyKind kind = ClassifyKey(ref reader);
                    if (kind == KeyKind.Event)
                    {
                        _undecided = false;
                        break;
                    }

                    if (kind != KeyKind.Other)
                    {
                        BecomeWrapper(kind == KeyKind.Events);
                        return null;
                    }
                }
                else if (IsContainerStart(t) && reader.CurrentDepth > deepest)
                {
                    TooDeep();
                    return null;
                }
            }

            if (_undecided)
            {
                return Outcome.NeedData;
            }
        }

        while (reader.Read())
        {
            if (index.Append(ref reader, baseOffset))
            {
                record.SetIndexed(_buffer, _recStart, RecordLength(ref reader));
                EnsureValidUtf8(record);
                return EndRecord(ref reader, record);
            }

            if (IsContainerStart(reader.TokenType) && reader.CurrentDepth > deepest)
            {
                TooDeep();
                return null;
            }
        }

        return Outcome.NeedData;
    }

    private static bool IsContainerStart(JsonTokenType t) => t is JsonTokenType.StartObject or JsonTokenType.StartArray;

    private void TooDeep()
    {
        long at = _discarded + _recStart;
        Problem($"{LinePrefix(at)}record at byte {at} is nested deeper than {MaxRecordDepth} levels; skipped");
        DropRecord();
    }

    // Stops keeping the current record: the rest of its tokens are read and forgotten.
    private void DropRecord()
    {
        _recStart = -1;
        _undecided = false;
        _phase = Phase.SkipRecord;
        _skipDepth = _recDepth;
    }

    // Reads and forgets the rest of a dropped record. Null: done, Step goes on.
    private Outcome? SkipRecordTokens(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth)
            {
                if (_recordIsTop)
                {
                    _phase = Phase.TopLevel;
                    return Outcome.Continue;
                }

                _phase = Phase.Elements;
                return null;
            }
        }

        return Outcome.NeedData;
    }

    private int RecordLength(ref Utf8JsonReader reader) => checked(_pos + (int)reader.BytesConsumed - _recStart);

    private Outcome EndRecord(ref Utf8JsonReader reader, EventRecord record)
    {
        _recStart = -1;
        _records++;
        if (_recordIsTop)
        {
            SetFormat(InputFormat.EventStream);
            _phase = Phase.TopLevel;
        }
        else
        {
            _phase = Phase.Elements;
            _recordsInValue = true;
            _lastRecordEndAbs = _discarded + _pos + reader.BytesConsumed;
        }

        return Outcome.Record;
    }
}
