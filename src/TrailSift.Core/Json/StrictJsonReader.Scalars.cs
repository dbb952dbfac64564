using System.Globalization;
using System.Text;

namespace TrailSift.Core.Json;

// The scalar tokens of the strict reader: numbers, strings with their escapes, and the UTF-8 they hold.
internal static partial class StrictJsonReader
{
    private ref partial struct Parser
    {
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
    }
}
