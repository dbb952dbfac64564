using System.Buffers;
using System.Text.Json;
using TrailSift.Core.Events;

namespace TrailSift.Core.Scan;

/// <content>The pooled buffer that shifts or doubles, and error descriptions.</content>
public sealed partial class RecordReader
{
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
}
