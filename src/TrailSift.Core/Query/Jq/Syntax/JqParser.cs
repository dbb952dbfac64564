using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>A Pratt parser for jq with jq's precedence table; chains are parsed iteratively and nesting is bounded.</summary>
internal sealed partial class JqParser
{
    /// <summary>The deepest nesting of brackets, parentheses, braces and prefix forms accepted.</summary>
    public const int MaxNesting = 1000;

    private readonly string _src;
    private readonly List<JqToken> _tokens;
    private int _i;
    private int _depth;

    // Errors jq reports without stopping its parse (a constant object key that is not a string): reported with the
    // first syntax error after them, or alone at the end, as jq's "N compile errors".
    private readonly List<JqParseException> _softErrors = [];

    private JqParser(string src, int start, int end, int depth)
    {
        _src = src;
        _tokens = new JqLexer(src, start, end).Tokenize();
        _depth = depth;
    }

    private JqToken Tok => _tokens[_i];

    /// <summary>Parses a whole program.</summary>
    public static JqAst Parse(string src)
    {
        var p = new JqParser(src, 0, src.Length, 0);
        JqAst a;
        try
        {
            a = p.ParseProgram();
        }
        catch (JqParseException e) when (p._softErrors.Count > 0)
        {
            throw Chain(p._softErrors, e);
        }

        if (p._softErrors.Count > 0)
        {
            throw Chain(p._softErrors, null);
        }

        return a;
    }

    /// <summary>The syntax error of the expression in <paramref name="start"/>..<paramref name="end"/> of <paramref name="src"/>, or null.</summary>
    internal static JqParseException? Check(string src, int start, int end)
    {
        try
        {
            new JqParser(src, start, end, 1).ParseProgram();
            return null;
        }
        catch (JqParseException e)
        {
            return e;
        }
    }

    private static JqParseException Chain(List<JqParseException> errors, JqParseException? last)
    {
        JqParseException? next = last;
        for (int i = errors.Count - 1; i >= 0; i--)
        {
            next = new JqParseException(errors[i].Reason, errors[i].Offset, next);
        }

        return next!;
    }

    private JqAst ParseProgram()
    {
        JqParser p = this;

        // An empty program is the identity in jq, so a token that cannot start one is "expecting end of file".
        if (p.Tok.Kind == JqTokenKind.Op && p.Tok.Text is not ("." or ".." or "[" or "{" or "(" or "-" or "$")
            || p.Tok.Kind == JqTokenKind.Keyword && p.Tok.Text is "and" or "or" or "then" or "else" or "elif" or "end" or "as" or "catch")
        {
            throw p.Unexpected("end of file");
        }

        JqAst a = p.ParsePipe();
        if (p.Tok.Is(".") && p._tokens[p._i + 1].Kind == JqTokenKind.End)
        {
            // A trailing '.' after a term starts a postfix (.[…], ."…", .@fmt): jq expects its next token.
            p._i++;
            throw p.Unexpected("FORMAT or QQSTRING_START or '['");
        }

        if (p.Tok.Kind != JqTokenKind.End)
        {
            throw p.Unexpected("end of file");
        }

        return a;
    }

    private void ExpectEnd()
    {
        if (Tok.Kind != JqTokenKind.End)
        {
            throw Unexpected();
        }
    }

    /// <summary>jq's (bison's) wording: <c>syntax error, unexpected TOKEN[, expecting …] (Unix shell quoting issues?)</c>.</summary>
    private JqParseException Unexpected(string? expecting = null) =>
        new($"syntax error, unexpected {BisonName(_i)}{(expecting is null ? string.Empty : ", expecting " + expecting)} (Unix shell quoting issues?)", Tok.Start);

    /// <summary>
    /// Expects <paramref name="op"/>; <paramref name="expecting"/> is the list jq's LALR parser reports in that state
    /// (null where it reports none, which is most states).
    /// </summary>
    private JqToken Expect(string op, string? expecting = null)
    {
        if (!Tok.Is(op))
        {
            throw Unexpected(expecting);
        }

        return _tokens[_i++];
    }

    /// <summary>The name jq's grammar gives the token at <paramref name="index"/>.</summary>
    private string BisonName(int index)
    {
        JqToken t = _tokens[index];
        switch (t.Kind)
        {
            case JqTokenKind.End: return "end of file";
            case JqTokenKind.Ident: return "IDENT";
            case JqTokenKind.Keyword: return t.Text == "__loc__" ? "IDENT" : t.Text; // jq lexes only "$__loc__" as one token
            case JqTokenKind.Field: return "FIELD";
            case JqTokenKind.Var: return "BINDING";
            case JqTokenKind.Format: return "FORMAT";
            case JqTokenKind.Number: return "LITERAL";
            case JqTokenKind.String: return "QQSTRING_START";
        }

        if (t.Text is ")" or "]" or "}" && !ClosesInnermost(index))
        {
            // jq's lexer turns a closing bracket that matches no opening one into INVALID_CHARACTER.
            return "INVALID_CHARACTER";
        }

        return t.Text.Length == 1 ? "'" + t.Text + "'" : t.Text;
    }

    private bool ClosesInnermost(int index)
    {
        var open = new Stack<string>();
        for (int k = 0; k < index; k++)
        {
            JqToken t = _tokens[k];
            if (t.Kind != JqTokenKind.Op)
            {
                continue;
            }

            switch (t.Text)
            {
                case "(": open.Push(")"); break;
                case "[": open.Push("]"); break;
                case "{": open.Push("}"); break;
                case ")" or "]" or "}" when open.Count > 0: open.Pop(); break;
            }
        }

        return open.Count > 0 && open.Peek() == _tokens[index].Text;
    }

    private bool Accept(string op)
    {
        if (Tok.Is(op))
        {
            _i++;
            return true;
        }

        return false;
    }

    private void Enter(int pos)
    {
        if (++_depth > MaxNesting)
        {
            throw new JqParseException($"program nested too deeply (more than {MaxNesting} levels)", pos);
        }
    }

    private void Leave() => _depth--;

    /// <summary>Exp at the lowest precedence: pipes (right-assoc), <c>def</c> bodies.</summary>
    private JqAst ParsePipe()
    {
        var parts = new List<JqAst>();
        var positions = new List<int>();
        while (true)
        {
            if (Tok.Is("def"))
            {
                parts.Add(ParseFuncDef());
                break;
            }

            parts.Add(ParseBinary(0));
            if (!Tok.Is("|"))
            {
                break;
            }

            positions.Add(Tok.Start);
            _i++;
        }

        JqAst r = parts[^1];
        for (int k = parts.Count - 2; k >= 0; k--)
        {
            r = new PipeAst(positions[k], parts[k], r);
        }

        return r;
    }

    private JqAst ParseFuncDef()
    {
        int pos = Tok.Start;
        Enter(pos);
        _i++;
        if (Tok.Kind is not (JqTokenKind.Ident or JqTokenKind.Keyword))
        {
            throw Unexpected();
        }

        string name = Tok.Text;
        _i++;
        var ps = new List<string>();
        if (Accept("("))
        {
            do
            {
                if (Tok.Kind == JqTokenKind.Var)
                {
                    ps.Add("$" + Tok.Text);
                }
                else if (Tok.Kind is JqTokenKind.Ident or JqTokenKind.Keyword)
                {
                    ps.Add(Tok.Text);
                }
                else
                {
                    throw Unexpected("IDENT or BINDING");
                }

                _i++;
            }
            while (Accept(";"));
            Expect(")");
        }

        Expect(":", "'(' or ':'");
        JqAst body = ParsePipe();
        Expect(";");
        JqAst rest = ParsePipe();
        Leave();
        return new FuncDefAst(pos, name, ps, body, rest);
    }

    private static int Precedence(JqToken t, out bool rightAssoc, out bool nonAssoc)
    {
        rightAssoc = false;
        nonAssoc = false;
        if (t.Kind is not (JqTokenKind.Op or JqTokenKind.Keyword))
        {
            return -1;
        }

        switch (t.Text)
        {
            case ",": return 1;
            case "//": rightAssoc = true; return 2;
            case "=" or "|=" or "+=" or "-=" or "*=" or "/=" or "%=" or "//=": nonAssoc = true; return 3;
            case "or": return 4;
            case "and": return 5;
            case "==" or "!=" or "<" or "<=" or ">" or ">=": nonAssoc = true; return 6;
            case "+" or "-": return 7;
            case "*" or "/" or "%": return 8;
            default: return -1;
        }
    }

    /// <summary>Precedence climbing; left-associative chains loop instead of recursing.</summary>
    private JqAst ParseBinary(int minPrec)
    {
        JqAst lhs = ParseUnary();
        int lastNonAssoc = -1;
        while (true)
        {
            JqToken op = Tok;
            int prec = Precedence(op, out bool right, out bool nonAssoc);
            if (prec < 0 || prec < minPrec)
            {
                return lhs;
            }

            if (prec == lastNonAssoc)
            {
                throw new JqParseException($"syntax error, unexpected '{op.Text}' (non-associative operator)", op.Start);
            }

            _i++;
            JqAst rhs;
            if (right)
            {
                Enter(op.Start);
                rhs = ParseBinary(prec);
                Leave();
            }
            else
            {
                rhs = ParseBinary(prec + 1);
            }

            lhs = op.Text switch
            {
                "," => new CommaAst(op.Start, lhs, rhs),
                _ => new BinaryAst(op.Start, op.Text, lhs, rhs),
            };
            lastNonAssoc = nonAssoc ? prec : -1;
        }
    }

    private JqAst ParseUnary()
    {
        if (Tok.Is("-"))
        {
            int pos = Tok.Start;
            _i++;
            Enter(pos);
            JqAst operand = ParseBinary(8);
            Leave();
            return new NegAst(pos, operand);
        }

        return ParsePostfix(allowAs: true);
    }
}
