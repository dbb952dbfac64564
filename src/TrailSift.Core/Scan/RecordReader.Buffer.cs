using System.Buffers;
using System.Text.Json;

namespace TrailSift.Core.Scan;

/// <content>The pooled buffer that shifts or grows, and token descriptions.</content>
public sealed partial class RecordReader
{
    private void Fill()
    {
        ShrinkAfterLargeRecord();
        Shift();
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordBytes)
            {
                if (_recStart >= 0 && _phase is Phase.InRecord or Phase.InLargeRecord)
                {
                    // A record over the limit: drop it and read on past its end.
                    long at = _discarded + _recStart;
                    Problem($"{LinePrefix(at)}record at byte {at} is larger than the {Limit} limit; skipped");
                    DropRecord();
                    Shift();
                }

                if (_end == _buffer.Length)
                {
                    // One token (a string, a number) larger than the buffer: it cannot be parsed; resume after it.
                    Recover($"a single value is larger than the {Limit} limit", _discarded + _pos);
                    return;
                }
            }
            else
            {
                Grow();
            }
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

    private string Limit => _maxRecordBytes % (1024 * 1024) == 0 ? $"{_maxRecordBytes / (1024 * 1024)} MiB" : $"{_maxRecordBytes}-byte";

    // Drops the bytes before the current record (or before the reader's position), counting their lines.
    private void Shift()
    {
        int keepFrom = _recStart >= 0 ? Math.Min(_recStart, _pos) : _pos;
        if (keepFrom > 0)
        {
            _linesDiscarded += _buffer.AsSpan(0, keepFrom).Count((byte)'\n');
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
}
