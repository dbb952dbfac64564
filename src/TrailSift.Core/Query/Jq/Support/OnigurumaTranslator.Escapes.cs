using System.Globalization;
using System.Text;

namespace TrailSift.Core.Query.Jq.Support;

/// <content>Backslash escapes outside character classes, and literals.</content>
internal sealed partial class OnigurumaTranslator
{
    /// <summary>Letters that Oniguruma's Perl_NT syntax takes literally after a backslash (checked against jq 1.7.1).</summary>
    private const string LiteralEscapeLetters = "CEFHIJLMTUVhijlmqu";

    private Piece? ParseEscape(Options options)
    {
        int start = _i;
        _i++;
        if (_i >= _p.Length)
        {
            throw JqError("end pattern at escape", start);
        }

        int cp = CharExtensions.ConvertToUtf32IfPair(_p, _i, out int width);
        _i += width;
        switch (cp)
        {
            case 'A': return new Piece("\\A", 0, Quantifiable: false);
            case 'z': return new Piece("\\z", 0, Quantifiable: false);
            case 'Z': return new Piece("\\Z", 0, Quantifiable: false);
            case 'G': return new Piece("\\G", 0, Quantifiable: false);
            case 'b': return new Piece(WordBoundary(options), 0, Quantifiable: false);
            case 'B': return new Piece(NotWordBoundary(options), 0, Quantifiable: false);
            case 'w' or 'W' or 'd' or 'D' or 's' or 'S':
                return new Piece(ShorthandClass((char)cp).ToRegex(negate: char.IsAsciiLetterUpper((char)cp)), 1);
            case 'p' or 'P':
                {
                    (CodepointSet set, bool negated) = ParseProperty(cp == 'P', start);
                    return new Piece(ClassRegex(set, negated, options), 1);
                }

            case 'N': return new Piece(NotNewline, 1);
            case 'O': return new Piece(CodepointSet.All.ToRegex(), 1);
            case 'R': return new Piece("(?>\\r\\n|[\\n\\v\\f\\r\\u0085\\u2028\\u2029])", -1);
            case 'Q':
                {
                    int end = _p.IndexOf("\\E", _i, StringComparison.Ordinal);
                    string quoted = end < 0 ? _p[_i..] : _p[_i..end];
                    _i = end < 0 ? _p.Length : end + 2;
                    if (quoted.Length == 0)
                    {
                        return null;
                    }

                    var cps = new List<int>();
                    for (int j = 0; j < quoted.Length; j += width)
                    {
                        cps.Add(CharExtensions.ConvertToUtf32IfPair(quoted, j, out width));
                    }

                    int n = cps.Count;
                    string text = options.IgnoreCase
                        ? MultiCharFolds.ExpandRun(cps, start)
                        : string.Concat(cps.Select(EscapeCodepoint));
                    var sb = new StringBuilder(text);

                    // A quantifier after \Q...\E applies to its last character, as in Oniguruma: refuse that case.
                    return new Piece(sb.ToString(), n, Quantifiable: n == 1);
                }

            case 'k': return ParseNamedBackref(start, options);
            case >= '1' and <= '9':
                {
                    if (_i < _p.Length && char.IsAsciiDigit(_p[_i]))
                    {
                        throw Unsupported("a multi-digit back-reference or octal escape", start);
                    }

                    int number = cp - '0';
                    _numberedBackrefs.Add((number, start));
                    return new Piece(CaseScope("\\k<g" + number.ToString(CultureInfo.InvariantCulture) + ">", options), -1);
                }

            case 'X': throw Unsupported("\\X (extended grapheme cluster)", start);
            case 'K': throw Unsupported("\\K (keep)", start);
            case 'y' or 'Y': throw Unsupported("\\y and \\Y (text segment boundaries)", start);
            case 'g': throw Unsupported("\\g subexpression calls", start);
            case 'v': throw Unsupported("\\v", start);
            default:
                int value = ParseCharEscape(cp, start);
                return Literal(value, options);
        }
    }

    /// <summary>The code point of a character escape (\t, \x41, \x{1F600}, \0, \o{101}, \cA, \., ...).</summary>
    private int ParseCharEscape(int cp, int start)
    {
        switch (cp)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'a': return '\a';
            case 'e': return 0x1B;
            case 'x':
                if (_i < _p.Length && _p[_i] == '{')
                {
                    int close = _p.IndexOf('}', _i);
                    string hex = close < 0 ? string.Empty : _p[(_i + 1)..close];
                    if (hex.Length is 0 or > 8 || !hex.All(char.IsAsciiHexDigit))
                    {
                        throw Unsupported("this \\x{...} escape", start);
                    }

                    _i = close + 1;
                    return CheckedCodepoint(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture), start);
                }
                else
                {
                    int n = 0;
                    while (n < 2 && _i + n < _p.Length && char.IsAsciiHexDigit(_p[_i + n]))
                    {
                        n++;
                    }

                    if (n == 0)
                    {
                        throw Unsupported("\\x without hexadecimal digits", start);
                    }

                    int value = int.Parse(_p.AsSpan(_i, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    _i += n;
                    if (value >= 0x80)
                    {
                        // In UTF-8 mode \xHH >= 0x80 is a raw byte, not a character.
                        throw Unsupported("\\x escapes of bytes above 0x7F", start);
                    }

                    return value;
                }

            case '0':
                {
                    int n = 0;
                    while (n < 2 && _i + n < _p.Length && _p[_i + n] is >= '0' and <= '7')
                    {
                        n++;
                    }

                    int value = n == 0 ? 0 : Convert.ToInt32(_p.Substring(_i, n), 8);
                    _i += n;
                    return value;
                }

            case 'o' when _i < _p.Length && _p[_i] == '{':
                {
                    int close = _p.IndexOf('}', _i);
                    string oct = close < 0 ? string.Empty : _p[(_i + 1)..close];
                    if (oct.Length is 0 or > 11 || !oct.All(ch => ch is >= '0' and <= '7'))
                    {
                        throw Unsupported("this \\o{...} escape", start);
                    }

                    _i = close + 1;
                    return CheckedCodepoint(Convert.ToInt32(oct, 8), start);
                }

            case 'c':
                {
                    if (_i >= _p.Length || !char.IsAsciiLetter(_p[_i]))
                    {
                        throw Unsupported("this \\c escape", start);
                    }

                    return _p[_i++] & 0x1F;
                }

            default:
                if (cp < 0x80 && char.IsAsciiLetterOrDigit((char)cp) && !LiteralEscapeLetters.Contains((char)cp, StringComparison.Ordinal))
                {
                    throw Unsupported("the escape \\" + (char)cp, start);
                }

                return cp; // \. \* \\ \h (literal h in this syntax) ...
        }
    }

    private static int CheckedCodepoint(int value, int start) =>
        value is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? throw Unsupported("an escape of an invalid code point", start) : value;

    private Piece ParseNamedBackref(int start, Options options)
    {
        if (_i >= _p.Length || _p[_i] is not ('<' or '\''))
        {
            throw Unsupported("this \\k escape", start);
        }

        char close = _p[_i] == '<' ? '>' : '\'';
        int end = _p.IndexOf(close, _i + 1);
        string name = end < 0 ? string.Empty : _p[(_i + 1)..end];
        if (name.Length == 0)
        {
            throw Unsupported("this \\k escape", start);
        }

        _i = end + 1;
        if (name.All(char.IsAsciiDigit))
        {
            int number = int.Parse(name, CultureInfo.InvariantCulture);
            _numberedBackrefs.Add((number, start));
            return new Piece(CaseScope("\\k<g" + number.ToString(CultureInfo.InvariantCulture) + ">", options), -1);
        }

        if (!name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
        {
            throw Unsupported("the back-reference \\k<" + name + ">", start);
        }

        _namedBackrefs.Add((name, start));
        // Resolved once every group is known: the placeholder is replaced below.
        return new Piece(CaseScope("\\k<" + NamedBackrefPlaceholder + name + ">", options), -1);
    }

    /// <summary>Prefix marking a named back-reference until the group numbers are known.</summary>
    internal const string NamedBackrefPlaceholder = "name__";

    /// <summary>A literal code point, case-insensitive when the option is on.</summary>
    private static Piece Literal(int cp, Options options) =>
        new(options.IgnoreCase ? SimpleCaseFolds.Literal(cp) : EscapeCodepoint(cp), 1, Codepoint: cp);

    private static string EscapeCodepoint(int cp)
    {
        if (cp < 0x80 && char.IsAsciiLetterOrDigit((char)cp))
        {
            return ((char)cp).ToString();
        }

        if (cp <= 0xFFFF)
        {
            return "\\u" + cp.ToString("X4", CultureInfo.InvariantCulture);
        }

        string pair = char.ConvertFromUtf32(cp);
        return "(?:\\u" + ((int)pair[0]).ToString("X4", CultureInfo.InvariantCulture) + "\\u" + ((int)pair[1]).ToString("X4", CultureInfo.InvariantCulture) + ")";
    }

    private static string CaseScope(string regex, Options options) => options.IgnoreCase ? "(?i:" + regex + ")" : regex;
}
