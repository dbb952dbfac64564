using System.Globalization;

namespace TrailSift.Core.Query.Jq.Support;

/// <content>Groups: capturing, named, non-capturing, look-around, atomic, comments and inline options.</content>
internal sealed partial class OnigurumaTranslator
{
    private Piece? ParseGroup(ref Options options)
    {
        int start = _i;
        _i++; // (
        if (_i < _p.Length && _p[_i] == '?')
        {
            _i++;
            if (_i >= _p.Length)
            {
                throw JqError("end pattern in group", start);
            }

            char k = _p[_i];
            switch (k)
            {
                case ':':
                    _i++;
                    return Enclose("(?:", start, options, (r, n) => new Piece(r, n));
                case '=' or '!':
                    _i++;
                    return Enclose("(?" + k, start, options, (r, _) => new Piece(r, 0, Quantifiable: false));
                case '>':
                    _i++;
                    return Enclose("(?>", start, options, (r, n) => new Piece(r, n));
                case '<' when _i + 1 < _p.Length && _p[_i + 1] is '=' or '!':
                    {
                        char kind = _p[_i + 1];
                        _i += 2;
                        return Enclose("(?<" + kind, start, options, (r, n) =>
                            n < 0 ? throw Unsupported("a look-behind whose length is not fixed", start) : new Piece(r, 0, Quantifiable: false));
                    }

                case '<' or '\'':
                    {
                        char close = k == '<' ? '>' : '\'';
                        int nameStart = _i + 1;
                        int end = _p.IndexOf(close, nameStart);
                        if (end < 0)
                        {
                            throw Unsupported("this group syntax", start);
                        }

                        string name = _p[nameStart..end];
                        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                        {
                            throw Unsupported("the group name '" + name + "'", start);
                        }

                        _i = end + 1;
                        return Capture(name, start, options);
                    }

                case '#':
                    {
                        int end = _p.IndexOf(')', _i);
                        if (end < 0)
                        {
                            throw JqError("end pattern in group", start);
                        }

                        _i = end + 1;
                        return null;
                    }

                case 'i' or 'm' or 's' or 'x' or '-':
                    return ParseOptionGroup(ref options, start);
                case '~':
                    throw Unsupported("the absent operator (?~...)", start);
                case '(':
                    throw Unsupported("a conditional group (?(...)...)", start);
                case '{':
                    throw Unsupported("callouts (?{...})", start);
                case '&' or 'R' or '+' or (>= '0' and <= '9'):
                    throw Unsupported("subexpression calls (?&name), (?R), (?1)", start);
                default:
                    // Perl_NT knows no other group letter: (?P<n>...), (?^i), (?a) ... are errors in jq.
                    throw JqError("undefined group option", start);
            }
        }

        return Capture(null, start, options);
    }

    private Piece Capture(string? name, int start, Options options)
    {
        _groupNames.Add(name);
        string dotnetName = "g" + _groupNames.Count.ToString(CultureInfo.InvariantCulture);
        return Enclose("(?<" + dotnetName + ">", start, options, (r, n) => new Piece(r, n));
    }

    /// <summary>Parses the group body after its opening, then its ')'; inline options inside do not leak out.</summary>
    private Piece Enclose(string open, int start, Options options, Func<string, int, Piece> make)
    {
        Options inner = options;
        Piece body = ParseAlternation(ref inner);
        if (_i >= _p.Length || _p[_i] != ')')
        {
            throw JqError("end pattern with unmatched parenthesis", start);
        }

        _i++;
        Piece made = make(open + body.Regex + ")", body.Length);
        return made;
    }

    /// <summary>(?imsx-imsx) switches options to the end of the enclosing group; (?imsx-imsx:...) scopes them.</summary>
    private Piece? ParseOptionGroup(ref Options options, int start)
    {
        Options changed = options;
        bool on = true;
        while (_i < _p.Length)
        {
            char c = _p[_i];
            switch (c)
            {
                case '-':
                    on = false;
                    break;
                case 'i':
                    changed.IgnoreCase = on;
                    break;
                case 'm':
                    changed.MultiLineAnchors = on;
                    break;
                case 's':
                    changed.DotAll = on;
                    break;
                case 'x':
                    changed.Extended = on;
                    break;
                case ')':
                    _i++;
                    options = changed;
                    return null;
                case ':':
                    _i++;
                    return Enclose("(?:", start, changed, (r, n) => new Piece(r, n));
                default:
                    throw JqError("undefined group option", start);
            }

            _i++;
        }

        throw JqError("end pattern in group", start);
    }
}
