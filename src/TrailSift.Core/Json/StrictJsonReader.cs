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
internal static partial class StrictJsonReader
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
    private ref partial struct Parser(ReadOnlySpan<byte> text, RecordIndex index)
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
