namespace TrailSift.Core.Query.Jq.Support;

/// <content>Bracket classes, POSIX brackets, shorthand classes and Unicode properties.</content>
internal sealed partial class OnigurumaTranslator
{
    private static readonly Lazy<string> WordBoundaryRegex = new(() =>
    {
        string w = ShorthandClass('w').ToRegex();
        return "(?:(?<=" + w + ")(?!" + w + ")|(?<!" + w + ")(?=" + w + "))";
    });

    private static readonly Lazy<string> NotWordBoundaryRegex = new(() =>
    {
        string w = ShorthandClass('w').ToRegex();
        return "(?:(?<=" + w + ")(?=" + w + ")|(?<!" + w + ")(?!" + w + "))";
    });

    private static string WordBoundary(Options options) => WordBoundaryRegex.Value;

    private static string NotWordBoundary(Options options) => NotWordBoundaryRegex.Value;

    /// <summary>The set of \w, \d or \s (upper case: the same set, negated by the caller).</summary>
    private static CodepointSet ShorthandClass(char letter) => OnigurumaClassTables.Get(char.ToLowerInvariant(letter).ToString());

    private static string ClassRegex(CodepointSet set, bool negated, Options options)
    {
        if (!options.IgnoreCase)
        {
            return set.ToRegex(negated);
        }

        return "(?i:" + SimpleCaseFolds.Close(set).ToRegex(negated) + ")";
    }

    /// <summary>\p{Name}, \p{^Name}, \P{Name} after the letter; returns the set and whether it is negated.</summary>
    private (CodepointSet Set, bool Negated) ParseProperty(bool negated, int start)
    {
        if (_i >= _p.Length || _p[_i] != '{')
        {
            throw Unsupported("\\p without braces", start);
        }

        int close = _p.IndexOf('}', _i);
        if (close < 0)
        {
            throw Unsupported("an unterminated \\p{...}", start);
        }

        string name = _p[(_i + 1)..close];
        _i = close + 1;
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        CodepointSet? set = OnigurumaClassTables.Property(name);
        if (set is null)
        {
            if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ' ' or '-'))
            {
                throw Unsupported("the property \\p{" + name + "} (not in TrailSift's table of Oniguruma properties)", start);
            }

            throw JqError("invalid character property name {" + name + "}", start);
        }

        return (set, negated);
    }

    /// <summary>Parses a bracket class at '[' and returns its .NET regex (matching one code point).</summary>
    private string ParseClass(Options options)
    {
        int start = _i;
        _i++; // [
        bool negated = false;
        if (_i < _p.Length && _p[_i] == '^')
        {
            negated = true;
            _i++;
        }

        var ranges = new List<(int, int)>();
        CodepointSet union = CodepointSet.Empty;
        bool first = true;
        while (true)
        {
            if (_i >= _p.Length)
            {
                throw JqError("premature end of char-class", start);
            }

            char c = _p[_i];
            if (c == ']' && !first)
            {
                _i++;
                break;
            }

            first = false;
            int itemStart = _i;
            ClassItem item = ParseClassItem(start);
            if (item.Set is { } set)
            {
                if (_i < _p.Length && _p[_i] == '-' && _i + 1 < _p.Length && _p[_i + 1] != ']')
                {
                    throw JqError("unmatched range specifier in char-class", _i);
                }

                union = union.Union(set);
                continue;
            }

            int lo = item.Codepoint;
            if (_i + 1 < _p.Length && _p[_i] == '-' && _p[_i + 1] != ']')
            {
                _i++;
                int hiStart = _i;
                ClassItem hiItem = ParseClassItem(start);
                if (hiItem.Set is not null)
                {
                    throw JqError("char-class value at end of range", hiStart);
                }

                if (hiItem.Codepoint < lo)
                {
                    throw JqError("empty range in char class", itemStart);
                }

                ranges.Add((lo, hiItem.Codepoint));
            }
            else
            {
                ranges.Add((lo, lo));
            }
        }

        CodepointSet all = union.Union(CodepointSet.FromRanges(ranges));
        if (options.IgnoreCase && all.Ranges.ToArray().Any(r => MultiCharFolds.OverlapsSource(r.Lo, r.Hi)))
        {
            throw Unsupported("a case-insensitive class containing a character with a multi-character case folding (such as ß)", start);
        }

        return ClassRegex(all, negated, options);
    }

    /// <summary>A class item: one code point, or a set (\w, [:alpha:], \p{L} ...).</summary>
    private readonly record struct ClassItem(int Codepoint, CodepointSet? Set);

    private ClassItem ParseClassItem(int classStart)
    {
        int start = _i;
        char c = _p[_i];
        if (c == '[')
        {
            if (_i + 1 < _p.Length && _p[_i + 1] == ':')
            {
                int close = _p.IndexOf(":]", _i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Unsupported("a '[:' in a class that is not a POSIX bracket", start);
                }

                string name = _p[(_i + 2)..close];
                bool neg = name.StartsWith('^');
                CodepointSet? set = OnigurumaClassTables.Posix(neg ? name[1..] : name);
                if (set is null)
                {
                    throw JqError("invalid POSIX bracket type", start);
                }

                _i = close + 2;
                return new ClassItem(-1, neg ? set.Complement() : set);
            }

            _i++;
            return new ClassItem('[', null);
        }

        if (c == '\\')
        {
            _i++;
            if (_i >= _p.Length)
            {
                throw JqError("end pattern at escape", start);
            }

            int cp = CharExtensions.ConvertToUtf32IfPair(_p, _i, out int width);
            _i += width;
            switch (cp)
            {
                case 'w' or 'W' or 'd' or 'D' or 's' or 'S':
                    {
                        CodepointSet set = ShorthandClass((char)cp);
                        return new ClassItem(-1, char.IsAsciiLetterUpper((char)cp) ? set.Complement() : set);
                    }

                case 'p' or 'P':
                    {
                        (CodepointSet set, bool negated) = ParseProperty(cp == 'P', start);
                        return new ClassItem(-1, negated ? set.Complement() : set);
                    }

                case 'b':
                    return new ClassItem('\b', null);
                case >= '1' and <= '9' or 'A' or 'z' or 'Z' or 'G' or 'B' or 'N' or 'O' or 'R' or 'X' or 'K' or 'y' or 'Y' or 'g' or 'k' or 'Q' or 'v':
                    throw Unsupported("the escape \\" + char.ConvertFromUtf32(cp) + " in a class", start);
                default:
                    return new ClassItem(ParseCharEscape(cp, start), null);
            }
        }

        int value = CharExtensions.ConvertToUtf32IfPair(_p, _i, out int w);
        _i += w;
        return new ClassItem(value, null);
    }
}
