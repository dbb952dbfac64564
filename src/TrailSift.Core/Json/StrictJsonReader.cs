using System.Globalization;
using System.Text;

namespace TrailSift.Core.Json;

/// <summary>
/// Indexes small UTF-8 JSON documents (RFC 8259) into an <see cref="IndexedJson"/> with messages written for people:
/// a trailing comma, a missing comma, single quotes, comments, invalid UTF-8, a lone surrogate escape
/// (<c>"\ud800"</c>) or a control character each get their own message and the byte offset where they occur. Never
/// throws on any input; nesting is limited to 64 levels. Duplicate property names are kept (a policy's linter reports
/// them). Meant for policies and simulation requests, not for the scan (which indexes through <see cref="RecordIndex.Build"/>).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class StrictJsonReader
{
    private const int MaxDepth = 64;

    /// <summary>Reads one JSON value (<see cref="IndexedJson.Root"/>); anything but whitespace after it is an error.</summary>
    /// <returns>The indexed text, or null with <paramref name="error"/> and <paramref name="errorOffset"/> set.</returns>
    public static IndexedJson? Read(ReadOnlySpan<byte> utf8, out string? error, out long errorOffset)
    {
        var json = new IndexedJson();
        var parser = new Parser(utf8, json.IndexUnderConstruction);
        try
        {
            parser.SkipWhitespace();
            if (parser.AtEnd)
            {
                (error, errorOffset) = ("the document is empty", 0);
                return Drop(json);
            }

            parser.ReadValue(0);
            parser.SkipWhitespace();
            if (!parser.AtEnd)
            {
                (error, errorOffset) = ("unexpected data after the end of the document", parser.Position);
                return Drop(json);
            }

            (error, errorOffset) = (null, 0);
            json.SetText(utf8.ToArray(), 0, utf8.Length, indexPending: false);
            return json;
        }
        catch (SyntaxError e)
        {
            (error, errorOffset) = ("invalid JSON: " + e.Message, e.Offset);
            return Drop(json);
        }
    }

    /// <summary>Reads a sequence of JSON values separated by whitespace (several documents one after another).</summary>
    /// <returns>The indexed text and the first token of each value, or null with <paramref name="error"/> and <paramref name="errorOffset"/> set.</returns>
    public static IndexedJson? ReadMany(ReadOnlySpan<byte> utf8, out List<JsonNode> values, out string? error, out long errorOffset)
    {
        var json = new IndexedJson();
        RecordIndex index = json.IndexUnderConstruction;
        var parser = new Parser(utf8, index);
        var roots = new List<int>();
        values = [];
        try
        {
            parser.SkipWhitespace();
            while (!parser.AtEnd)
            {
                roots.Add(index.Count);
                parser.ReadValue(0);
                parser.SkipWhitespace();
            }

            (error, errorOffset) = (null, 0);
            json.SetText(utf8.ToArray(), 0, utf8.Length, indexPending: false);
            foreach (int root in roots)
            {
                values.Add(json.NodeAt(root));
            }

            return json;
        }
        catch (SyntaxError e)
        {
            (error, errorOffset) = ("invalid JSON: " + e.Message, e.Offset);
            return Drop(json);
        }
    }

    private static IndexedJson? Drop(IndexedJson json)
    {
        json.Dispose();
        return null;
    }

    private sealed class SyntaxError(string message, long offset) : Exception(message)
    {
        public long Offset { get; } = offset;
    }

    // Checks the text and appends its tokens to the index as RecordIndex.Append would for the same value.
    private ref struct Parser(ReadOnlySpan<byte> text, RecordIndex index)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private readonly RecordIndex _index = index;
        private int _pos;

        public readonly bool AtEnd => _pos >= _text.Length;

        public readonly int Position => _pos;

        public void SkipWhitespace()
        {
            while (_pos < _text.Length && _text[_pos] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                _pos++;
            }

            if (_pos + 1 < _text.Length && _text[_pos] == '/' && _text[_pos + 1] is (byte)'/' or (byte)'*')
            {
                throw new SyntaxError("comments are not allowed in JSON", _pos);
            }
        }

        public void ReadValue(int depth)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                throw new SyntaxError("unexpected end of the document: a value is missing", _pos);
            }

            int start = _pos;
            byte b = _text[_pos];
            switch (b)
            {
                case (byte)'{':
                    ReadObject(depth + 1);
                    return;
                case (byte)'[':
                    ReadArray(depth + 1);
                    return;
                case (byte)'"':
                    bool escaped = ReadString();
                    _index.AddScalar(JsonKind.String, start + 1, _pos - start - 2, escaped);
                    return;
                case (byte)'t':
                    Literal("true");
                    _index.AddScalar(JsonKind.True, start, 4, false);
                    return;
                case (byte)'f':
                    Literal("false");
                    _index.AddScalar(JsonKind.False, start, 5, false);
                    return;
                case (byte)'n':
                    Literal("null");
                    _index.AddScalar(JsonKind.Null, start, 4, false);
                    return;
                case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                    ReadNumber();
                    _index.AddScalar(JsonKind.Number, start, _pos - start, false);
                    return;
                case (byte)'\'':
                    throw new SyntaxError("strings must be in double quotes (\"), not single quotes", _pos);
                default:
                    throw new SyntaxError($"expected a value, found {Describe()}", _pos);
            }
        }

        private void ReadObject(int depth)
        {
            int start = _pos;
            CheckDepth(depth);
            _index.Open(JsonKind.Object, start);
            _pos++; // {
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == '}')
            {
                _index.Close(_pos++);
                return;
            }

            int comma = -1;
            while (true)
            {
                SkipWhitespace();
                if (AtEnd)
                {
                    throw new SyntaxError($"unexpected end of the document: the object opened at byte {start} is not closed", _pos);
                }

                if (_text[_pos] == '}' && comma >= 0)
                {
                    throw new SyntaxError("trailing comma before '}'", comma);
                }

                if (_text[_pos] != '"')
                {
                    throw new SyntaxError(_text[_pos] == '\'' ? "property names must be in double quotes (\"), not single quotes"
                        : $"expected a property name in double quotes, found {Describe()}", _pos);
                }

                int nameOffset = _pos;
                bool escaped = ReadString();
                _index.AddName(nameOffset + 1, _pos - nameOffset - 2, escaped);
                int nameEnd = _pos;
                SkipWhitespace();
                if (AtEnd || _text[_pos] != ':')
                {
                    throw new SyntaxError($"expected ':' after the property name \"{Name(nameOffset, nameEnd)}\", found {Describe()}", _pos);
                }

                _pos++;
                ReadValue(depth);
                SkipWhitespace();
                if (AtEnd)
                {
                    throw new SyntaxError($"unexpected end of the document: the object opened at byte {start} is not closed", _pos);
                }

                if (_text[_pos] == ',')
                {
                    comma = _pos++;
                    continue;
                }

                if (_text[_pos] == '}')
                {
                    _index.Close(_pos++);
                    return;
                }

                throw new SyntaxError($"expected ',' or '}}' after the value of \"{Name(nameOffset, nameEnd)}\", found {Describe()}", _pos);
            }
        }

        private void ReadArray(int depth)
        {
            int start = _pos;
            CheckDepth(depth);
            _index.Open(JsonKind.Array, start);
            _pos++; // [
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == ']')
            {
                _index.Close(_pos++);
                return;
            }

            int comma = -1;
            while (true)
            {
                SkipWhitespace();
                if (!AtEnd && _text[_pos] == ']' && comma >= 0)
                {
                    throw new SyntaxError("trailing comma before ']'", comma);
                }

                ReadValue(depth);
                SkipWhitespace();
                if (AtEnd)
                {
                    throw new SyntaxError($"unexpected end of the document: the array opened at byte {start} is not closed", _pos);
                }

                if (_text[_pos] == ',')
                {
                    comma = _pos++;
                    continue;
                }

                if (_text[_pos] == ']')
                {
                    _index.Close(_pos++);
                    return;
                }

                throw new SyntaxError($"expected ',' or ']' after an array element, found {Describe()}", _pos);
            }
        }

        // The decoded text of the checked string token at [open, end) (for messages).
        private readonly string Name(int open, int end)
        {
            ReadOnlySpan<byte> raw = _text[(open + 1)..(end - 1)];
            byte[] decoded = new byte[raw.Length];
            return Encoding.UTF8.GetString(decoded, 0, JsonNode.Unescape(raw, decoded));
        }

        private readonly void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new SyntaxError($"nesting deeper than {MaxDepth} levels", _pos);
            }
        }

        private void Literal(string word)
        {
            for (int i = 0; i < word.Length; i++)
            {
                if (_pos + i >= _text.Length || _text[_pos + i] != word[i])
                {
                    throw new SyntaxError($"expected a value, found {Describe()}", _pos);
                }
            }

            _pos += word.Length;
        }

        private void ReadNumber()
        {
            int start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            if (AtEnd || !IsDigit(_text[_pos]))
            {
                throw new SyntaxError("invalid number: a digit must follow '-'", _pos);
            }

            if (_text[_pos] == '0' && _pos + 1 < _text.Length && IsDigit(_text[_pos + 1]))
            {
                throw new SyntaxError("invalid number: leading zeros are not allowed", _pos);
            }

            Digits();
            if (!AtEnd && _text[_pos] == '.')
            {
                _pos++;
                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    throw new SyntaxError("invalid number: a digit must follow '.'", _pos);
                }

                Digits();
            }

            if (!AtEnd && _text[_pos] is (byte)'e' or (byte)'E')
            {
                _pos++;
                if (!AtEnd && _text[_pos] is (byte)'+' or (byte)'-')
                {
                    _pos++;
                }

                if (AtEnd || !IsDigit(_text[_pos]))
                {
                    throw new SyntaxError("invalid number: a digit must follow the exponent", _pos);
                }

                Digits();
            }
        }

        private void Digits()
        {
            while (!AtEnd && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

        // Checks a string token (the current byte is its opening quote) and moves past it; true when it has escapes.
        private bool ReadString()
        {
            int open = _pos++;
            bool escaped = false;
            while (true)
            {
                if (AtEnd)
                {
                    throw new SyntaxError("unterminated string", open);
                }

                byte b = _text[_pos];
                if (b == '"')
                {
                    _pos++;
                    return escaped;
                }

                if (b == '\\')
                {
                    ReadEscape();
                    escaped = true;
                }
                else if (b < 0x20)
                {
                    throw new SyntaxError($"control character U+{b:X4} inside a string (write it as an escape such as \\n)", _pos);
                }
                else if (b < 0x80)
                {
                    _pos++;
                }
                else
                {
                    ReadUtf8();
                }
            }
        }

        private void ReadEscape()
        {
            int at = _pos;
            if (_pos + 1 >= _text.Length)
            {
                throw new SyntaxError("unterminated string", at);
            }

            byte e = _text[_pos + 1];
            _pos += 2;
            switch (e)
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                case (byte)'b':
                case (byte)'f':
                case (byte)'n':
                case (byte)'r':
                case (byte)'t':
                    return;
                case (byte)'u':
                    break;
                default:
                    throw new SyntaxError($"invalid escape '\\{(e is >= 0x21 and < 0x7F ? ((char)e).ToString() : $"x{e:X2}")}' in a string", at);
            }

            int unit = Hex4(at);
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                throw new SyntaxError($"lone surrogate escape \\u{unit:x4} (a low surrogate without a high one is not valid Unicode)", at);
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (_pos + 1 < _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u')
                {
                    _pos += 2;
                    int low = Hex4(_pos - 2);
                    if (low is >= 0xDC00 and <= 0xDFFF)
                    {
                        return;
                    }
                }

                throw new SyntaxError($"lone surrogate escape \\u{unit:x4} (a high surrogate must be followed by a \\uDC00-\\uDFFF escape)", at);
            }
        }

        private int Hex4(int escapeStart)
        {
            if (_pos + 4 > _text.Length
                || !int.TryParse(Encoding.ASCII.GetString(_text.Slice(_pos, 4)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value)
                || _text.Slice(_pos, 4).IndexOfAny((byte)'+', (byte)'-') >= 0)
            {
                throw new SyntaxError("invalid \\u escape: four hexadecimal digits expected", escapeStart);
            }

            _pos += 4;
            return value;
        }

        // One UTF-8 sequence, strictly: no overlong forms, no surrogates, nothing above U+10FFFF.
        private void ReadUtf8()
        {
            byte b = _text[_pos];
            (int length, int min, int value) = b switch
            {
                >= 0xC2 and <= 0xDF => (2, 0x80, b & 0x1F),
                >= 0xE0 and <= 0xEF => (3, 0x800, b & 0x0F),
                >= 0xF0 and <= 0xF4 => (4, 0x10000, b & 0x07),
                _ => (0, 0, 0),
            };
            if (length == 0 || _pos + length > _text.Length)
            {
                throw new SyntaxError($"invalid UTF-8 byte 0x{b:X2}", _pos);
            }

            for (int i = 1; i < length; i++)
            {
                byte c = _text[_pos + i];
                if ((c & 0xC0) != 0x80)
                {
                    throw new SyntaxError($"invalid UTF-8 sequence starting with byte 0x{b:X2}", _pos);
                }

                value = (value << 6) | (c & 0x3F);
            }

            if (value < min || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            {
                throw new SyntaxError($"invalid UTF-8 sequence starting with byte 0x{b:X2}", _pos);
            }

            _pos += length;
        }

        private readonly string Describe()
        {
            if (AtEnd)
            {
                return "the end of the document";
            }

            byte b = _text[_pos];
            return b switch
            {
                >= 0x21 and < 0x7F => $"'{(char)b}'",
                (byte)'\n' or (byte)'\r' => "a line break",
                _ => $"byte 0x{b:X2}",
            };
        }
    }
}
