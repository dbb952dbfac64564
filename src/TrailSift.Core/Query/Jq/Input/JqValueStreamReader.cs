using System.Buffers;
using System.Text.Json;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Input;

/// <summary>Reads whitespace-separated / concatenated JSON texts from a UTF-8 stream, one value at a time, with a pooled growing buffer.</summary>
public sealed class JqValueStreamReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _linesBefore;
    private long _bytesBefore;

    /// <summary>Reads from <paramref name="stream"/> (not disposed by this reader).</summary>
    public JqValueStreamReader(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    }

    /// <summary>jq's input line number after the last value read (lines fully fed to the parser).</summary>
    public int Line { get; private set; }

    /// <summary>Reads the next value; false at the end of the stream.</summary>
    /// <exception cref="JqInputException">The text is not valid JSON.</exception>
    public bool TryRead(out JqValue value)
    {
        while (true)
        {
            if (TryParse(out value, out bool needMore))
            {
                return true;
            }

            if (!needMore)
            {
                return false;
            }

            Fill();
        }
    }

    /// <summary>Reads everything left as raw text (for <c>-R</c>).</summary>
    public string ReadRemainingText()
    {
        using var ms = new MemoryStream();
        ms.Write(_buffer, _start, _end - _start);
        _start = _end;
        _stream.CopyTo(ms);
        _eof = true;
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool TryParse(out JqValue value, out bool needMore)
    {
        value = JqValue.Null;
        needMore = false;
        var span = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
        var reader = new Utf8JsonReader(span, _eof, new JsonReaderState(JqJsonReader.Options));
        try
        {
            if (!reader.Read())
            {
                needMore = !_eof;
                if (_eof && reader.BytesConsumed < span.Length && span[(int)reader.BytesConsumed..].IndexOfAnyExcept(" \t\r\n"u8) >= 0)
                {
                    throw new JqInputException("Unfinished JSON term at EOF" + Position(span, span.Length));
                }

                return false;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                Utf8JsonReader probe = reader;
                if (!probe.TrySkip())
                {
                    if (_eof)
                    {
                        throw new JqInputException("Unfinished JSON term at EOF" + Position(span, span.Length));
                    }

                    needMore = true;
                    return false;
                }
            }

            value = JqJsonReader.ReadValue(ref reader);
        }
        catch (JsonException e)
        {
            if (!_eof && e.BytePositionInLine is not null && reader.BytesConsumed >= span.Length - 1)
            {
                needMore = true;
                return false;
            }

            throw new JqInputException(JqInputErrors.Describe(Adjust(e)));
        }

        int consumed = (int)reader.BytesConsumed;
        ReadOnlySpan<byte> used = span[..consumed];
        long newlines = used.Count((byte)'\n');
        bool lineDone = span[consumed..].IndexOf((byte)'\n') >= 0;
        Line = (int)(_linesBefore + newlines + (lineDone ? 1 : 0));
        _linesBefore += newlines;
        _bytesBefore += consumed;
        _start += consumed;
        return true;
    }

    private JsonException Adjust(JsonException e) =>
        new(e.Message, e.Path, (e.LineNumber ?? 0) + _linesBefore, e.BytePositionInLine, e.InnerException);

    private string Position(ReadOnlySpan<byte> span, int at)
    {
        ReadOnlySpan<byte> upto = span[..at];
        long line = _linesBefore + upto.Count((byte)'\n');
        int lastNl = upto.LastIndexOf((byte)'\n');
        int col = at - lastNl - 1;
        return $" at line {line + 1}, column {col}";
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        // Like jq, feed whole lines: read until a newline arrives (or the buffer is full, or the input ends).
        while (_end < _buffer.Length)
        {
            int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _eof = true;
                return;
            }

            _end += n;
            if (_buffer.AsSpan(_end - n, n).IndexOf((byte)'\n') >= 0)
            {
                return;
            }
        }
    }
}
