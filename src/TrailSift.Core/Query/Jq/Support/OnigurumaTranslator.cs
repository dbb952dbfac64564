using System.Globalization;
using System.Text;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// Translates one Oniguruma pattern (jq's syntax: ONIG_SYNTAX_PERL_NT, UTF-8, ONIG_OPTION_CAPTURE_GROUP) into an
/// equivalent .NET pattern, or fails with jq's own error text or a refusal. Every atom is translated to match whole
/// code points (surrogate pairs), as Oniguruma matches UTF-8 characters. Capture group i becomes the .NET group
/// named <c>g{i}</c> so that numbering follows the source order for named and unnamed groups alike.
/// </summary>
internal sealed partial class OnigurumaTranslator
{
    private readonly string _p;
    private int _i;
    private readonly List<string?> _groupNames = [];
    private readonly List<(int Number, int Offset)> _numberedBackrefs = [];
    private readonly List<(string Name, int Offset)> _namedBackrefs = [];

    private OnigurumaTranslator(string pattern) => _p = pattern;

    /// <summary>Options in effect at the current point of the pattern (inline groups change them).</summary>
    private struct Options
    {
        public bool IgnoreCase;
        public bool Extended;
        public bool DotAll;
        public bool MultiLineAnchors;
    }

    /// <summary>A translated piece: its .NET text and its length in code points (-1 when variable).</summary>
    private readonly record struct Piece(string Regex, int Length, bool Quantifiable = true, int Codepoint = -1);

    /// <summary>Translates <paramref name="pattern"/>; throws <see cref="OnigurumaTranslationException"/>.</summary>
    public static (string Regex, IReadOnlyList<string?> GroupNames) Translate(string pattern, OnigurumaModifiers modifiers)
    {
        var t = new OnigurumaTranslator(pattern);
        var options = new Options
        {
            IgnoreCase = (modifiers & OnigurumaModifiers.IgnoreCase) != 0,
            Extended = (modifiers & OnigurumaModifiers.Extended) != 0,
            DotAll = (modifiers & OnigurumaModifiers.DotAll) != 0,
        };
        Piece body = t.ParseAlternation(ref options);
        if (t._i < t._p.Length)
        {
            // Only an unmatched ')' stops the top level.
            throw JqError("unmatched close parenthesis", t._i);
        }

        t.CheckBackrefs();
        string regex = body.Regex;
        foreach ((string name, _) in t._namedBackrefs)
        {
            int number = t._groupNames.IndexOf(name) + 1;
            regex = regex.Replace("\\k<" + NamedBackrefPlaceholder + name + ">", "\\k<g" + number.ToString(CultureInfo.InvariantCulture) + ">", StringComparison.Ordinal);
        }
        if ((modifiers & OnigurumaModifiers.NotEmpty) != 0)
        {
            // ONIG_OPTION_FIND_NOT_EMPTY: an empty match is a failure the engine backtracks from. The rest of the
            // input is captured at the start; an empty match leaves exactly that rest, which the check refuses.
            regex = "(?=(?<ne>[\\s\\S]*))(?:" + regex + ")(?!\\k<ne>\\z)";
        }

        // No match may start between the two halves of a surrogate pair (Oniguruma only starts at characters).
        regex = "(?!(?<=[\\uD800-\\uDBFF])[\\uDC00-\\uDFFF])(?:" + regex + ")";
        return (regex, t._groupNames);
    }

    private void CheckBackrefs()
    {
        foreach ((int number, int offset) in _numberedBackrefs)
        {
            if (number > _groupNames.Count)
            {
                throw JqError("invalid backref number/name", offset);
            }
        }

        foreach ((string name, int offset) in _namedBackrefs)
        {
            int count = _groupNames.Count(n => n == name);
            if (count == 0)
            {
                throw JqError("undefined name <" + name + "> reference", offset);
            }

            if (count > 1)
            {
                throw Unsupported("a back-reference to a name used by several groups", offset);
            }
        }
    }

    private Piece ParseAlternation(ref Options options)
    {
        var alternatives = new List<Piece>();
        // An inline option such as (?i) lasts to the end of the enclosing group, across alternatives.
        alternatives.Add(ParseSequence(ref options));
        while (_i < _p.Length && _p[_i] == '|')
        {
            _i++;
            alternatives.Add(ParseSequence(ref options));
        }

        if (alternatives.Count == 1)
        {
            return alternatives[0];
        }

        int length = alternatives.All(a => a.Length == alternatives[0].Length) ? alternatives[0].Length : -1;
        return new Piece(string.Join("|", alternatives.Select(a => a.Regex)), length);
    }

    private Piece ParseSequence(ref Options options)
    {
        var sb = new StringBuilder();
        int length = 0;
        var run = new List<int>(); // case-insensitive literals, expanded together for multi-character foldings
        int runStart = 0;
        while (true)
        {
            SkipExtended(options);
            if (_i >= _p.Length || _p[_i] == '|' || _p[_i] == ')')
            {
                break;
            }

            int start = _i;
            Piece? atom = ParseAtom(ref options);
            if (atom is not { } a)
            {
                continue; // a comment or an option switch such as (?i)
            }

            SkipExtended(options);
            bool quantified = _i < _p.Length && (_p[_i] is '*' or '+' or '?' || (_p[_i] == '{' && IsInterval(_i)));
            if (a.Codepoint >= 0 && options.IgnoreCase && !quantified)
            {
                if (run.Count == 0)
                {
                    runStart = start;
                }

                run.Add(a.Codepoint);
                length = -1;
                continue;
            }

            FlushRun();
            if (a.Codepoint >= 0 && options.IgnoreCase)
            {
                a = new Piece(MultiCharFolds.ExpandRun([a.Codepoint], start), -1);
            }

            Piece piece = ParseQuantifiers(a, start, options);
            sb.Append(piece.Regex);
            length = length < 0 || piece.Length < 0 ? -1 : length + piece.Length;
        }

        FlushRun();
        return new Piece(sb.ToString(), length);

        void FlushRun()
        {
            if (run.Count > 0)
            {
                sb.Append(MultiCharFolds.ExpandRun(run, runStart));
                run.Clear();
            }
        }
    }

    private void SkipExtended(Options options)
    {
        if (!options.Extended)
        {
            return;
        }

        while (_i < _p.Length)
        {
            char c = _p[_i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
            {
                _i++;
            }
            else if (c == '#')
            {
                while (_i < _p.Length && _p[_i] != '\n')
                {
                    _i++;
                }
            }
            else
            {
                break;
            }
        }
    }

    private Piece ParseQuantifiers(Piece atom, int atomStart, Options options)
    {
        SkipExtended(options);
        if (!TryParseQuantifier(out string quantifier, out int min, out int max))
        {
            return atom;
        }

        if (!atom.Quantifiable)
        {
            throw Unsupported("a quantifier on an anchor or look-around", atomStart);
        }

        string regex = "(?:" + atom.Regex + ")" + quantifier;
        int length = min == max && atom.Length >= 0 ? atom.Length * min : -1;
        if (_i < _p.Length && _p[_i] == '+')
        {
            // Possessive (a*+, a{1,3}+ ...): an atomic group.
            _i++;
            regex = "(?>" + regex + ")";
        }
        else if (_i < _p.Length && _p[_i] == '?')
        {
            _i++;
            regex += "?";
        }

        SkipExtended(options);
        if (_i < _p.Length && (_p[_i] is '*' or '+' or '?' || (_p[_i] == '{' && IsInterval(_i))))
        {
            throw Unsupported("a quantifier applied to a quantifier", _i);
        }

        return new Piece(regex, length);
    }

    private bool TryParseQuantifier(out string quantifier, out int min, out int max)
    {
        quantifier = string.Empty;
        min = max = 0;
        if (_i >= _p.Length)
        {
            return false;
        }

        switch (_p[_i])
        {
            case '*': _i++; quantifier = "*"; max = -1; return true;
            case '+': _i++; quantifier = "+"; min = 1; max = -1; return true;
            case '?': _i++; quantifier = "?"; max = 1; return true;
            case '{' when IsInterval(_i):
                int close = _p.IndexOf('}', _i);
                string body = _p[(_i + 1)..close];
                int comma = body.IndexOf(',', StringComparison.Ordinal);
                int start = _i;
                _i = close + 1;
                min = int.Parse(comma < 0 ? body : body[..comma], CultureInfo.InvariantCulture);
                max = comma < 0 ? min : comma == body.Length - 1 ? -1 : int.Parse(body[(comma + 1)..], CultureInfo.InvariantCulture);
                if (min > 100000 || max > 100000)
                {
                    throw JqError("too big number for repeat range", start);
                }

                if (max >= 0 && max < min)
                {
                    throw JqError("upper is smaller than lower in repeat range", start);
                }

                quantifier = "{" + min.ToString(CultureInfo.InvariantCulture) + (comma < 0 ? "" : ",") +
                    (max >= 0 && comma >= 0 ? max.ToString(CultureInfo.InvariantCulture) : "") + "}";
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when the '{' at <paramref name="at"/> starts an interval {n}, {n,} or {n,m} (otherwise it is literal).</summary>
    private bool IsInterval(int at)
    {
        int j = at + 1;
        int digits = 0;
        while (j < _p.Length && char.IsAsciiDigit(_p[j]))
        {
            j++;
            digits++;
        }

        if (digits == 0 || digits > 6 || j >= _p.Length)
        {
            return false;
        }

        if (_p[j] == '}')
        {
            return true;
        }

        if (_p[j] != ',')
        {
            return false;
        }

        j++;
        int digits2 = 0;
        while (j < _p.Length && char.IsAsciiDigit(_p[j]))
        {
            j++;
            digits2++;
        }

        return digits2 <= 6 && j < _p.Length && _p[j] == '}';
    }

    private Piece? ParseAtom(ref Options options)
    {
        int start = _i;
        char c = _p[_i];
        switch (c)
        {
            case '(':
                return ParseGroup(ref options);
            case '[':
                return new Piece(ParseClass(options), 1);
            case '.':
                _i++;
                return new Piece(options.DotAll ? CodepointSet.All.ToRegex() : NotNewline, 1);
            case '^':
                _i++;
                return new Piece(options.MultiLineAnchors ? "(?m:^)" : "^", 0, Quantifiable: false);
            case '$':
                _i++;
                return new Piece(options.MultiLineAnchors ? "(?m:$)" : "$", 0, Quantifiable: false);
            case '\\':
                return ParseEscape(options);
            case '*' or '+' or '?':
                throw JqError("target of repeat operator is not specified", start);
            case '{' when IsInterval(_i):
                throw JqError("target of repeat operator is not specified", start);
            default:
                int cp = CharExtensions.ConvertToUtf32IfPair(_p, _i, out int width);
                _i += width;
                return Literal(cp, options);
        }
    }

    /// <summary>One code point other than a newline.</summary>
    private static readonly string NotNewline = CodepointSet.Of('\n').ToRegex(negate: true);

    private static OnigurumaTranslationException JqError(string message, int offset) =>
        new(OnigurumaRegexStatus.JqError, "Regex failure: " + message, offset);

    private static OnigurumaTranslationException Unsupported(string what, int offset) =>
        new(OnigurumaRegexStatus.Unsupported, what + " (at offset " + offset.ToString(CultureInfo.InvariantCulture) + " of the regex) is not supported", offset);
}
