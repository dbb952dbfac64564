using System.Globalization;
using System.Text;

namespace TrailSift.Core.Query.Syntax;

/// <summary>
/// Splits a jq filter into <see cref="Token"/>s, following jq 1.6's lexer: fields <c>.name</c>,
/// identifiers, <c>$vars</c>, <c>@formats</c>, numbers, JSON strings, operators and <c>#</c> comments.
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
public static class Lexer
{
    /// <summary>Tokenizes <paramref name="text"/>; the last token is <see cref="TokenKind.End"/>.</summary>
    /// <returns>The tokens, or null with <paramref name="error"/> set.</returns>
    public static List<Token>? Tokenize(string text, out QueryError? error)
    {
        var tokens = new List<Token>();
        int i = 0;
        error = null;
        while (true)
        {
            i = SkipBlanks(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, text.Length, 0));
                return tokens;
            }

            Token? token = Next(text, i, out error);
            if (token is not Token t)
            {
                return null;
            }

            tokens.Add(t);
            i = t.Position + t.Length;
        }
    }

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static Token? Next(string text, int i, out QueryError? error)
    {
        error = null;
        char c = text[i];
        char n = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '.':
                if (n == '.')
                {
                    return new Token(TokenKind.DotDot, "..", i, 2);
                }

                if (IsDigit(n))
                {
                    return LexNumber(text, i);
                }

                if (IsIdentStart(n))
                {
                    int end = ScanIdent(text, i + 1);
                    return new Token(TokenKind.Field, text[(i + 1)..end], i, end - i);
                }

                return new Token(TokenKind.Dot, ".", i, 1);
            case '"':
                return LexString(text, i, out error);
            case '$':
            case '@':
                if (IsIdentStart(n))
                {
                    int end = ScanIdent(text, i + 1);
                    return new Token(c == '$' ? TokenKind.Variable : TokenKind.Format, text[i..end], i, end - i);
                }

                break;
            case '(': return Simple(TokenKind.LeftParen, text, i, 1);
            case ')': return Simple(TokenKind.RightParen, text, i, 1);
            case '[': return Simple(TokenKind.LeftBracket, text, i, 1);
            case ']': return Simple(TokenKind.RightBracket, text, i, 1);
            case '{': return Simple(TokenKind.LeftBrace, text, i, 1);
            case '}': return Simple(TokenKind.RightBrace, text, i, 1);
            case ',': return Simple(TokenKind.Comma, text, i, 1);
            case ':': return Simple(TokenKind.Colon, text, i, 1);
            case ';': return Simple(TokenKind.Semicolon, text, i, 1);
            case '?': return Simple(TokenKind.Question, text, i, 1);
            case '|': return n == '=' ? Simple(TokenKind.Assign, text, i, 2) : Simple(TokenKind.Pipe, text, i, 1);
            case '=': return n == '=' ? Simple(TokenKind.Equal, text, i, 2) : Simple(TokenKind.Assign, text, i, 1);
            case '!':
                if (n == '=')
                {
                    return Simple(TokenKind.NotEqual, text, i, 2);
                }

                break;
            case '<': return n == '=' ? Simple(TokenKind.LessEqual, text, i, 2) : Simple(TokenKind.Less, text, i, 1);
            case '>': return n == '=' ? Simple(TokenKind.GreaterEqual, text, i, 2) : Simple(TokenKind.Greater, text, i, 1);
            case '/':
                if (n == '/')
                {
                    return At(text, i + 2, '=') ? Simple(TokenKind.Assign, text, i, 3) : Simple(TokenKind.Alternative, text, i, 2);
                }

                return n == '=' ? Simple(TokenKind.Assign, text, i, 2) : Simple(TokenKind.Slash, text, i, 1);
            case '+': return n == '=' ? Simple(TokenKind.Assign, text, i, 2) : Simple(TokenKind.Plus, text, i, 1);
            case '-': return n == '=' ? Simple(TokenKind.Assign, text, i, 2) : Simple(TokenKind.Minus, text, i, 1);
            case '*': return n == '=' ? Simple(TokenKind.Assign, text, i, 2) : Simple(TokenKind.Star, text, i, 1);
            case '%': return n == '=' ? Simple(TokenKind.Assign, text, i, 2) : Simple(TokenKind.Percent, text, i, 1);
            default:
                if (IsDigit(c))
                {
                    return LexNumber(text, i);
                }

                if (IsIdentStart(c))
                {
                    int end = ScanIdent(text, i);
                    while (end + 2 < text.Length && text[end] == ':' && text[end + 1] == ':' && IsIdentStart(text[end + 2]))
                    {
                        end = ScanIdent(text, end + 2); // module::name, reported later as unknown
                    }

                    return new Token(TokenKind.Identifier, text[i..end], i, end - i);
                }

                break;
        }

        string shown = char.IsHighSurrogate(c) && i + 1 < text.Length ? text.Substring(i, 2) : c.ToString();
        string hint = c == '\'' ? " (shell quotes are not part of the filter; strings use double quotes)" : string.Empty;
        error = new QueryError(text, i, $"unexpected character '{shown}'{hint}");
        return null;
    }

    private static bool At(string text, int i, char c) => i < text.Length && text[i] == c;

    private static Token Simple(TokenKind kind, string text, int i, int length) => new(kind, text.Substring(i, length), i, length);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static int ScanIdent(string text, int i)
    {
        while (i < text.Length && (IsIdentStart(text[i]) || IsDigit(text[i])))
        {
            i++;
        }

        return i;
    }

    // jq: ([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?
    private static Token LexNumber(string text, int start)
    {
        int i = start;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && IsDigit(text[j]))
            {
                while (j < text.Length && IsDigit(text[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        return new Token(TokenKind.Number, text[start..i], start, i - start);
    }

    /// <summary>Parses the text of a number token as jq does (a double).</summary>
    public static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static Token? LexString(string text, int start, out QueryError? error)
    {
        error = null;
        var sb = new StringBuilder();
        int i = start + 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                return new Token(TokenKind.String, sb.ToString(), start, i + 1 - start);
            }

            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                break;
            }

            char e = text[i + 1];
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
                    if (i + 6 > text.Length || !int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        error = new QueryError(text, i, "invalid \\u escape: expected four hex digits");
                        return null;
                    }

                    sb.Append((char)code);
                    i += 6;
                    continue;
                case '(':
                    error = new QueryError(text, i, "string interpolation \\(...) is not supported");
                    return null;
                default:
                    error = new QueryError(text, i, $"invalid escape '\\{e}' in string");
                    return null;
            }

            i += 2;
        }

        error = new QueryError(text, start, "unterminated string literal");
        return null;
    }
}
