using System.Text.Json;

namespace TrailSift.Core.Scan;

/// <content>
/// Problems and recovery. Invalid JSON ends only the value it is in: the reader reports it (line and byte),
/// then resumes at the next line or the next <c>{"Records"</c> after the last record it returned, whichever
/// comes first, so NDJSON loses one line and a stream of concatenated documents loses the rest of one document.
/// </content>
public sealed partial class RecordReader
{
    // Problems kept per input; the rest are counted (a binary file would otherwise give one per line).
    private const int MaxProblems = 100;

    private readonly Queue<string> _shapeErrors = new();
    private int _problems;
    private long _problemsNotShown;
    private long _linesDiscarded; // newlines in the bytes dropped from the front of the buffer

    /// <summary>
    /// A problem with one value that was skipped (a record that is not an object, too deep or too large, invalid
    /// JSON up to the point where reading resumed); the reader has moved past it. Read and cleared by the caller
    /// after each <see cref="TryRead"/>.
    /// </summary>
    public string? TakeShapeError() => _shapeErrors.Count > 0 ? _shapeErrors.Dequeue() : null;

    private void Problem(string message)
    {
        if (_problems++ < MaxProblems)
        {
            _shapeErrors.Enqueue(message);
        }
        else
        {
            _problemsNotShown++;
        }
    }

    // "line N: " for a position still in the buffer; empty for one already dropped.
    private string LinePrefix(long abs)
    {
        if (abs < _discarded || abs > _discarded + _end)
        {
            return string.Empty;
        }

        return $"line {_linesDiscarded + _buffer.AsSpan(0, (int)(abs - _discarded)).Count((byte)'\n') + 1}: ";
    }

    private void Recover(string reason, long errorAbs)
    {
        long start = _topStartAbs;
        if (_values == 1 && _records == 0 && !_sawWrapper && errorAbs == start && start >= _discarded && start < _discarded + _end)
        {
            byte first = _buffer[start - _discarded];
            if (first is not ((byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n')
                && !NextLineStartsAnObject(start))
            {
                throw new RecordReadException($"not JSON: starts with byte 0x{first:x2}");
            }
        }

        bool truncated = _eof && (reason.Contains("depth to be zero", StringComparison.Ordinal) || reason.Contains("end of data", StringComparison.OrdinalIgnoreCase));
        string line = truncated ? string.Empty : LinePrefix(start >= _discarded ? start : errorAbs);
        string what = truncated
            ? $"unexpected end of data at byte {_discarded + _end} (file truncated?)"
            : $"invalid JSON near byte {errorAbs}: {reason}";

        // Resume after the last record returned from this value, or after the value's first byte.
        long from = _recordsInValue ? _lastRecordEndAbs : start + 1;
        _recStart = -1;
        _undecided = false;
        _state = new JsonReaderState(ReaderOptions);
        _phase = Phase.TopLevel;
        long resume = Resync(Math.Max(from, _discarded));
        Problem(resume < 0 ? line + what : $"{line}{what}; resumed at byte {resume}");
    }

    // Whether a later line than the one starting at startAbs starts with an object (looked for in the first 64 KiB):
    // then the input is NDJSON with bad first lines, which are reported and skipped like any other bad line, rather
    // than a file that is not JSON at all.
    private bool NextLineStartsAnObject(long startAbs)
    {
        const int LookAhead = 64 * 1024;
        _recStart = -1;
        _pos = (int)(startAbs - _discarded);
        int searched = 0; // bytes after _pos known not to hold such a line start
        while (true)
        {
            ReadOnlySpan<byte> rest = _buffer.AsSpan(_pos, Math.Min(_end - _pos, LookAhead));
            int newline;
            while ((newline = rest[searched..].IndexOf((byte)'\n')) >= 0)
            {
                int lineStart = searched + newline + 1;
                int j = rest[lineStart..].IndexOfAnyExcept(" \t\r\n"u8);
                if (j < 0)
                {
                    break; // only whitespace after it so far: look again when more is read
                }

                if (rest[lineStart + j] == (byte)'{')
                {
                    return true;
                }

                searched = lineStart;
            }

            if (_eof || _end - _pos >= LookAhead || (_end == _buffer.Length && _buffer.Length >= _maxRecordBytes))
            {
                return false;
            }

            Fill();
        }
    }

    // Moves to the next line start or "{"Records"" at or after fromAbs; -1 at the end of the data.
    private long Resync(long fromAbs)
    {
        while (true)
        {
            int i = (int)Math.Min(fromAbs - _discarded, _end);
            ReadOnlySpan<byte> rest = _buffer.AsSpan(i, _end - i);
            int newline = rest.IndexOf((byte)'\n');
            int document = rest.IndexOf("{\"Records\""u8);
            int hit = newline < 0 ? document : document < 0 ? newline + 1 : Math.Min(newline + 1, document);
            if (hit >= 0)
            {
                _pos = i + hit;
                return _discarded + _pos;
            }

            if (_eof)
            {
                _pos = _end;
                return -1;
            }

            // Keep a few bytes: "{"Records"" may straddle two reads.
            _pos = Math.Max(i, _end - 9);
            fromAbs = _discarded + _pos;
            Fill();
        }
    }

    private static string Reason(JsonException e)
    {
        string reason = e.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        return reason.TrimEnd('.', ' ');
    }
}
