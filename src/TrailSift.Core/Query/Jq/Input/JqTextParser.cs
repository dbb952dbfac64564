using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Input;

/// <summary>
/// jq 1.7.1's JSON text parser, as a byte-at-a-time state machine written from the behaviour of jq's <c>jv_parse.c</c>
/// (checked message for message against jq 1.7.1): the same values, the same errors ("… at line L, column C") at the same
/// positions, the same recovery after an error, and, with <c>--seq</c>, RFC 7464 record separators with jq's handling of
/// damaged sequences. It is fed buffers (<see cref="SetBuffer"/>) and asked for values (<see cref="Next"/>), as jq feeds
/// its parser.
/// </summary>
public sealed partial class JqTextParser
{
    /// <summary>jq's parser nesting limit (arrays, objects and the keys waiting for their values all count).</summary>
    public const int MaxDepth = 256;

    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private static readonly System.Buffers.SearchValues<byte> LiteralStops = System.Buffers.SearchValues.Create(" \t\r\n\"[,]{:}\u001e"u8);
    private static readonly System.Buffers.SearchValues<byte> StringStops = System.Buffers.SearchValues.Create("\"\\\n\u001e"u8);

    private readonly bool _seq;
    private readonly List<object> _stack = [];
    private JqValue? _next;
    private byte[] _token = new byte[256];
    private int _tokenPos;
    private int _line = 1;
    private int _column;
    private State _st;
    private bool _lastChWasWs;
    private int _bomPos;
    private bool _eof;
    private byte[]? _buf;
    private int _bufPos;
    private int _bufEnd;
    private bool _partial;
    private string? _message;

    /// <summary>A parser; <paramref name="seq"/> reads an RFC 7464 sequence as <c>jq --seq</c> does.</summary>
    public JqTextParser(bool seq = false)
    {
        _seq = seq;
        _st = seq ? State.WaitingForRs : State.Normal;
    }

    /// <summary>What <see cref="Next"/> found.</summary>
    public enum Result
    {
        /// <summary>No value: the buffer is used up (feed another), or the input has ended.</summary>
        None,

        /// <summary>A value.</summary>
        Value,

        /// <summary>An error; <see cref="Error"/> holds jq's message.</summary>
        Error,
    }

    private enum State
    {
        Normal,
        String,
        StringEscape,
        WaitingForRs,
    }

    /// <summary>The message of the last <see cref="Result.Error"/>.</summary>
    public string Error => _message ?? string.Empty;

    /// <summary>Bytes of the current buffer not parsed yet.</summary>
    public int Remaining => _buf is null ? 0 : _bufEnd - _bufPos;

    /// <summary>
    /// Gives the parser its next buffer (the previous one must be used up); <paramref name="partial"/> is false for the
    /// last one. A UTF-8 byte order mark at the very start of the input is skipped.
    /// </summary>
    public void SetBuffer(byte[] buffer, int offset, int length, bool partial)
    {
        while (length > 0 && _bomPos < Bom.Length)
        {
            if (buffer[offset] == Bom[_bomPos])
            {
                offset++;
                length--;
                _bomPos++;
            }
            else
            {
                _bomPos = _bomPos == 0 ? Bom.Length : 0xFF;
                break;
            }
        }

        _buf = buffer;
        _bufPos = offset;
        _bufEnd = offset + length;
        _partial = partial;
    }

    /// <summary>Parses on from where it stopped: the next value, an error, or nothing (more input needed, or the end).</summary>
    public Result Next(out JqValue value)
    {
        value = JqValue.Null;
        if (_eof || _buf is null)
        {
            return Result.None;
        }

        if (_bomPos == 0xFF)
        {
            if (!_seq)
            {
                return Fail("Malformed BOM");
            }

            Reset();
            _st = State.WaitingForRs;
            _bomPos = Bom.Length;
        }

        Step step = Step.Continue;
        byte ch = 0;
        while (step == Step.Continue && _bufPos < _bufEnd)
        {
            if (_st == State.WaitingForRs)
            {
                ch = _buf[_bufPos++];
                if (ch == '\n')
                {
                    _line++;
                    _column = 0;
                }
                else
                {
                    _column++;
                }

                if (ch == RecordSeparator)
                {
                    _st = State.Normal;
                }

                continue;
            }

            if (TakeRun())
            {
                continue;
            }

            ch = _buf[_bufPos++];
            step = Scan(ch, ref value);
        }

        if (step == Step.Output)
        {
            return Result.Value;
        }

        if (step == Step.Failed)
        {
            value = JqValue.Null;
            string at = $"{_message} at line {_line}, column {_column}";
            if (ch != RecordSeparator && _seq)
            {
                Reset();
                return Fail(at + " (need RS to resync)");
            }

            Reset();
            if (!_seq)
            {
                // Not a sequence: the rest of this buffer is thrown away, as jq does.
                _buf = null;
            }

            return Fail(at);
        }

        if (step == Step.Dropped || _partial)
        {
            return Result.None;
        }

        return AtEof(out value);
    }

    private Result AtEof(out JqValue value)
    {
        value = JqValue.Null;
        _eof = true;
        if (_st == State.WaitingForRs)
        {
            return Fail($"Unfinished abandoned text at EOF at line {_line}, column {_column}");
        }

        if (_st != State.Normal)
        {
            return FailAtEof($"Unfinished string at EOF at line {_line}, column {_column}");
        }

        if (CheckLiteral() is { } msg)
        {
            return FailAtEof($"{msg} at EOF at line {_line}, column {_column}");
        }

        if (_stack.Count != 0)
        {
            return FailAtEof($"Unfinished JSON term at EOF at line {_line}, column {_column}");
        }

        JqValue? v = _next;
        _next = null;
        if (v is null)
        {
            return Result.None;
        }

        if (_seq && !_lastChWasWs && v is JqNumber)
        {
            return Fail($"Potentially truncated top-level numeric value at EOF at line {_line}, column {_column}");
        }

        value = v;
        return Result.Value;
    }

    private Result FailAtEof(string message)
    {
        Reset();
        _st = State.WaitingForRs;
        return Fail(message);
    }

    private Result Fail(string message)
    {
        _message = message;
        return Result.Error;
    }

    private void Reset()
    {
        _stack.Clear();
        _next = null;
        _tokenPos = 0;
        _st = State.Normal;
    }

    // Bulk paths for the common bytes (the inside of a string, the characters of a number), with the same effect as
    // feeding them to Scan one by one: they are appended to the token and counted in the column.
    private bool TakeRun()
    {
        ReadOnlySpan<byte> rest = _buf.AsSpan(_bufPos, _bufEnd - _bufPos);
        int n;
        if (_st == State.String)
        {
            n = rest.IndexOfAny(StringStops);
        }
        else if (_st == State.Normal && _tokenPos > 0)
        {
            n = rest.IndexOfAny(LiteralStops);
        }
        else
        {
            return false;
        }

        if (n < 0)
        {
            n = rest.Length;
        }

        if (n < 2)
        {
            return false;
        }

        AddToken(rest[..n]);
        _column += n;
        _bufPos += n;
        _lastChWasWs = false;
        return true;
    }

    private void AddToken(ReadOnlySpan<byte> bytes)
    {
        if (_tokenPos + bytes.Length > _token.Length)
        {
            Array.Resize(ref _token, Math.Max(_token.Length * 2, _tokenPos + bytes.Length));
        }

        bytes.CopyTo(_token.AsSpan(_tokenPos));
        _tokenPos += bytes.Length;
    }

    private enum Step
    {
        Continue,
        Output,
        Failed,
        Dropped,
    }
}
