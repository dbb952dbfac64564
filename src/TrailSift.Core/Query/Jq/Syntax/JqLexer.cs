using System.Globalization;
using System.Text;

namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>Splits jq source into tokens; string literals are decoded, with interpolations kept as source ranges.</summary>
internal sealed class JqLexer
{
    private static readonly HashSet<string> Keywords =
    [
        "def", "if", "then", "elif", "else", "end", "as", "reduce", "foreach", "try", "catch", "label", "import", "include",
        "and", "or", "__loc__", "break",
    ];

    private static readonly string[] Ops =
    [
        "?//", "//=", "|=", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "//", "..",
        ".", "[", "]", "{", "}", "(", ")", "|", ",", ":", ";", "=", "<", ">", "+", "-", "*", "/", "%", "?", "$",
    ];

    private readonly string _src;
    private readonly int _end;
    private int _pos;

    public JqLexer(string src, int start, int end)
    {
        _src = src;
        _pos = start;
        _end = end;
    }

    public static bool IsKeyword(string s) => Keywords.Contains(s);

    public List<JqToken> Tokenize()
    {
        var list = new List<JqToken>();
        while (true)
        {
            JqToken t = Next();
            list.Add(t);
            if (t.Kind == JqTokenKind.End)
            {
                return list;
            }
        }
    }

    private static bool IsIdentStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentChar(char c) => IsIdentStart(c) || c is >= '0' and <= '9';

    private JqToken Next()
    {
        SkipSpace();
        if (_pos >= _end)
        {
            return new JqToken(JqTokenKind.End, string.Empty, _end, _end);
        }

        int start = _pos;
        char c = _src[_pos];
        if (c == '"')
        {
            return LexString(JqTokenKind.String, start);
        }

        if (c is >= '0' and <= '9' || (c == '.' && _pos + 1 < _end && _src[_pos + 1] is >= '0' and <= '9'))
        {
            return LexNumber(start);
        }

        if (IsIdentStart(c))
        {
            string name = ReadIdent();
            if (_pos + 1 < _end && _src[_pos] == ':' && _src[_pos + 1] == ':')
            {
                throw new JqParseException("modules (name::function) are not supported", start);
            }

            return new JqToken(Keywords.Contains(name) ? JqTokenKind.Keyword : JqTokenKind.Ident, name, start, _pos);
        }

        if (c == '.' && _pos + 1 < _end && IsIdentStart(_src[_pos + 1]))
        {
            _pos++;
            string name = ReadIdent();
            return new JqToken(JqTokenKind.Field, name, start, _pos);
        }

        if (c == '$' && _pos + 1 < _end && IsIdentStart(_src[_pos + 1]))
        {
            _pos++;
            string name = ReadIdent();
            if (_pos + 1 < _end && _src[_pos] == ':' && _src[_pos + 1] == ':')
            {
                throw new JqParseException("modules ($name::var) are not supported", start);
            }

            return new JqToken(JqTokenKind.Var, name, start, _pos);
        }

        if (c == '@' && _pos + 1 < _end && IsIdentStart(_src[_pos + 1]))
        {
            _pos++;
            string name = ReadIdent();
            return new JqToken(JqTokenKind.Format, name, start, _pos);
        }

        foreach (string op in Ops)
        {
            if (string.CompareOrdinal(_src, _pos, op, 0, op.Length) == 0 && _pos + op.Length <= _end)
            {
                _pos += op.Length;
                return new JqToken(JqTokenKind.Op, op, start, _pos);
            }
        }

        throw new JqParseException("syntax error, unexpected INVALID_CHARACTER" + (start == 0 ? ", expecting end of file" : string.Empty) + " (Unix shell quoting issues?)", start);
    }

    private void SkipSpace()
    {
        while (_pos < _end)
        {
            char c = _src[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < _end && _src[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private string ReadIdent()
    {
        int s = _pos;
        while (_pos < _end && IsIdentChar(_src[_pos]))
        {
            _pos++;
        }

        return _src[s.._pos];
    }

    private JqToken LexNumber(int start)
    {
        while (_pos < _end && _src[_pos] is >= '0' and <= '9')
        {
            _pos++;
        }

        if (_pos < _end && _src[_pos] == '.')
        {
            _pos++;
            while (_pos < _end && _src[_pos] is >= '0' and <= '9')
            {
                _pos++;
            }
        }

        if (_pos < _end && _src[_pos] is 'e' or 'E')
        {
            int save = _pos;
            _pos++;
            if (_pos < _end && _src[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < _end && _src[_pos] is >= '0' and <= '9')
            {
                while (_pos < _end && _src[_pos] is >= '0' and <= '9')
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }

        return new JqToken(JqTokenKind.Number, _src[start.._pos], start, _pos);
    }

    private JqToken LexString(JqTokenKind kind, int start)
    {
        _pos++;
        var parts = new List<object>();
        var sb = new StringBuilder();
        int run = -1;
        while (true)
        {
            if (_pos >= _end)
            {
                throw Unterminated(start);
            }

            char c = _src[_pos++];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                sb.Append(c);
                run = -1;
                continue;
            }

            if (run < 0)
            {
                run = _pos - 1;
            }

            if (_pos >= _end)
            {
                throw Unterminated(start);
            }

            char e = _src[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _end || !int.TryParse(_src.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int cp))
                    {
                        throw EscapeError("Invalid \\uXXXX escape", run, _pos - 2);
                    }

                    sb.Append((char)cp);
                    _pos += 4;
                    break;
                case '(':
                    {
                        if (sb.Length > 0)
                        {
                            parts.Add(sb.ToString());
                            sb.Clear();
                        }

                        run = -1;
                        int exprStart = _pos;
                        int depth = 1;
                        var inner = new JqLexer(_src, _pos, _end);
                        JqTokenKind previous = JqTokenKind.End;
                        while (true)
                        {
                            JqToken t = NextInInterpolation(inner, exprStart, previous);
                            previous = t.Kind;
                            if (t.Kind == JqTokenKind.End)
                            {
                                throw UnterminatedInterpolation(exprStart, _end);
                            }

                            if (t.Is("("))
                            {
                                depth++;
                            }
                            else if (t.Is(")") && --depth == 0)
                            {
                                parts.Add(new Range(exprStart, t.Start));
                                _pos = t.End;
                                break;
                            }
                        }

                        break;
                    }

                default:
                    throw EscapeError("Invalid escape", run, _pos - 2);
            }
        }

        if (sb.Length > 0 || parts.Count == 0)
        {
            parts.Add(sb.ToString());
        }

        return new JqToken(kind, _src[start.._pos], start, _pos, parts);
    }

    // The next token of an interpolation. jq's parser reads a string's tokens as they come: a string left open after a
    // complete expression (`"\(1"`) is "unexpected QQSTRING_START", as jq's grammar sees it before the end of the file.
    private JqToken NextInInterpolation(JqLexer inner, int exprStart, JqTokenKind previous)
    {
        try
        {
            return inner.Next();
        }
        catch (JqParseException e) when (e.Reason == Unterminated(0).Reason && e.Offset > exprStart && previous != JqTokenKind.Format
            && _src.AsSpan(exprStart, e.Offset - exprStart).Trim().Length > 0)
        {
            JqParseException? prefix = JqParser.Check(_src, exprStart, e.Offset);
            if (prefix is null)
            {
                throw new JqParseException("syntax error, unexpected QQSTRING_START (Unix shell quoting issues?)", e.Offset);
            }

            throw prefix.Offset >= e.Offset ? e : prefix;
        }
    }

    // An interpolation the program ends in: jq reports the first error of the expression, or the end of the file.
    private JqParseException UnterminatedInterpolation(int exprStart, int end) =>
        JqParser.Check(_src, exprStart, end) is { } error && error.Offset < end
            ? error
            : new JqParseException("syntax error, unexpected end of file (Unix shell quoting issues?)", end);

    private static JqParseException Unterminated(int start) => new(
        "syntax error, unexpected end of file, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END (Unix shell quoting issues?)", start);

    /// <summary>
    /// jq hands each run of escapes (<c>\x</c>, <c>\u</c> and up to four letters or digits) to its JSON parser as a quoted
    /// string, and reports that parser's error with the run as text.
    /// </summary>
    private JqParseException EscapeError(string what, int run, int at)
    {
        int end = run;
        while (end + 1 < _end && _src[end] == '\\' && _src[end + 1] != '(')
        {
            if (_src[end + 1] == 'u')
            {
                end += 2;
                int k = 0;
                while (k < 4 && end < _end && char.IsAsciiLetterOrDigit(_src[end]))
                {
                    end++;
                    k++;
                }
            }
            else
            {
                end += 2;
            }
        }

        string text = "\"" + _src[run..end] + "\"";
        return new JqParseException($"{what} at line 1, column {text.Length} (while parsing '{text}')", at);
    }
}
