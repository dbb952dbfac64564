using System.Globalization;
using System.Text;

namespace TrailSift.Core.Iam.Policy.Internal;

/// <summary>
/// Builds <see cref="JsonTreeNode"/>s from UTF-8 JSON (RFC 8259) with messages written for people: a trailing comma,
/// a missing comma, single quotes, comments, invalid UTF-8, a lone surrogate escape (<c>"\ud800"</c>) or a control
/// character each get their own message and the byte offset where they occur. Never throws on any input; nesting is
/// limited to 64 levels. Policies are small, so a recursive descent over the bytes is all that is needed.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class JsonTreeReader
{
    private const int MaxDepth = 64;

    /// <summary>Reads one JSON value; anything but whitespace after it is an error.</summary>
    public static JsonTreeNode? Read(ReadOnlySpan<byte> utf8, out string? error, out long errorOffset)
    {
        var parser = new Parser(utf8);
        try
        {
            parser.SkipWhitespace();
            if (parser.AtEnd)
            {
                (error, errorOffset) = ("the document is empty", 0);
                return null;
            }

            JsonTreeNode root = parser.ReadValue(0);
            parser.SkipWhitespace();
            if (!parser.AtEnd)
            {
                (error, errorOffset) = ("unexpected data after the end of the document", parser.Position);
                return null;
            }

            (error, errorOffset) = (null, 0);
            return root;
        }
        catch (SyntaxError e)
        {
            (error, errorOffset) = ("invalid JSON: " + e.Message, e.Offset);
            return null;
        }
    }

    /// <summary>Reads a sequence of JSON values separated by whitespace (several documents one after another).</summary>
    public static List<JsonTreeNode>? ReadMany(ReadOnlySpan<byte> utf8, out string? error, out long errorOffset)
    {
        var parser = new Parser(utf8);
        var values = new List<JsonTreeNode>();
        try
        {
            parser.SkipWhitespace();
            while (!parser.AtEnd)
            {
                values.Add(parser.ReadValue(0));
                parser.SkipWhitespace();
            }

            (error, errorOffset) = (null, 0);
            return values;
        }
        catch (SyntaxError e)
        {
            (error, errorOffset) = ("invalid JSON: " + e.Message, e.Offset);
            return null;
        }
    }

    private sealed class SyntaxError(string message, long offset) : Exception(message)
    {
        public long Offset { get; } = offset;
    }

    private ref struct Parser(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> _text = text;
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

        public JsonTreeNode ReadValue(int depth)
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
                    return ReadObject(depth + 1);
                case (byte)'[':
                    return ReadArray(depth + 1);
                case (byte)'"':
                    return new JsonTreeNode(JsonTreeKind.String, start, ReadString());
                case (byte)'t':
                    Literal("true");
                    return new JsonTreeNode(JsonTreeKind.True, start);
                case (byte)'f':
                    Literal("false");
                    return new JsonTreeNode(JsonTreeKind.False, start);
                case (byte)'n':
                    Literal("null");
                    return new JsonTreeNode(JsonTreeKind.Null, start);
                case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                    return new JsonTreeNode(JsonTreeKind.Number, start, ReadNumber());
                case (byte)'\'':
                    throw new SyntaxError("strings must be in double quotes (\"), not single quotes", _pos);
                default:
                    throw new SyntaxError($"expected a value, found {Describe()}", _pos);
            }
        }

        private JsonTreeNode ReadObject(int depth)
        {
            long start = _pos;
            CheckDepth(depth);
            _pos++; // {
            var properties = new List<KeyValuePair<string, JsonTreeNode>>();
            var offsets = new List<long>();
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == '}')
            {
                _pos++;
                return new JsonTreeNode(JsonTreeKind.Object, start, properties: properties, propertyOffsets: offsets);
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

                long nameOffset = _pos;
                string name = ReadString();
                SkipWhitespace();
                if (AtEnd || _text[_pos] != ':')
                {
                    throw new SyntaxError($"expected ':' after the property name \"{name}\", found {Describe()}", _pos);
                }

                _pos++;
                properties.Add(new KeyValuePair<string, JsonTreeNode>(name, ReadValue(depth)));
                offsets.Add(nameOffset);
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
                    _pos++;
                    return new JsonTreeNode(JsonTreeKind.Object, start, properties: properties, propertyOffsets: offsets);
                }

                throw new SyntaxError($"expected ',' or '}}' after the value of \"{name}\", found {Describe()}", _pos);
            }
        }

        private JsonTreeNode ReadArray(int depth)
        {
            long start = _pos;
            CheckDepth(depth);
            _pos++; // [
            var items = new List<JsonTreeNode>();
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == ']')
            {
                _pos++;
                return new JsonTreeNode(JsonTreeKind.Array, start, items: items);
            }

            int comma = -1;
            while (true)
            {
                SkipWhitespace();
                if (!AtEnd && _text[_pos] == ']' && comma >= 0)
                {
                    throw new SyntaxError("trailing comma before ']'", comma);
                }

                items.Add(ReadValue(depth));
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
                    _pos++;
                    return new JsonTreeNode(JsonTreeKind.Array, start, items: items);
                }

                throw new SyntaxError($"expected ',' or ']' after an array element, found {Describe()}", _pos);
            }
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

        private string ReadNumber()
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

            return Encoding.ASCII.GetString(_text[start.._pos]);
        }

        private void Digits()
        {
            while (!AtEnd && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

        // Reads a string token (the current byte is its opening quote) and returns its decoded text.
        private string ReadString()
        {
            int open = _pos++;
            var builder = new StringBuilder();
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
                    return builder.ToString();
                }

                if (b == '\\')
                {
                    ReadEscape(builder);
                }
                else if (b < 0x20)
                {
                    throw new SyntaxError($"control character U+{b:X4} inside a string (write it as an escape such as \\n)", _pos);
                }
                else if (b < 0x80)
                {
                    builder.Append((char)b);
                    _pos++;
                }
                else
                {
                    ReadUtf8(builder);
                }
            }
        }

        private void ReadEscape(StringBuilder builder)
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
                case (byte)'"': builder.Append('"'); return;
                case (byte)'\\': builder.Append('\\'); return;
                case (byte)'/': builder.Append('/'); return;
                case (byte)'b': builder.Append('\b'); return;
                case (byte)'f': builder.Append('\f'); return;
                case (byte)'n': builder.Append('\n'); return;
                case (byte)'r': builder.Append('\r'); return;
                case (byte)'t': builder.Append('\t'); return;
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
                        builder.Append((char)unit).Append((char)low);
                        return;
                    }
                }

                throw new SyntaxError($"lone surrogate escape \\u{unit:x4} (a high surrogate must be followed by a \\uDC00-\\uDFFF escape)", at);
            }

            builder.Append((char)unit);
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
        private void ReadUtf8(StringBuilder builder)
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

            builder.Append(char.ConvertFromUtf32(value));
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
