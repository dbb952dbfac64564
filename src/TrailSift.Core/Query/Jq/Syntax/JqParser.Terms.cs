using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>Terms and postfix chains.</summary>
internal sealed partial class JqParser
{
    private JqAst ParsePostfix(bool allowAs, bool termOnly = false)
    {
        JqAst t = ParsePrimary();
        bool afterSuffix = t is IndexAst or SliceAst or IterateAst;
        while (true)
        {
            JqToken tok = Tok;
            if (termOnly && tok.Is("?") && !afterSuffix)
            {
                // jq's grammar: a Term takes '?' only right after .name, [e], [] or a slice ('(e)?' is an Exp).
                throw Unexpected();
            }

            afterSuffix = tok.Kind == JqTokenKind.Field || tok.Is("[") || (tok.Is(".") && _tokens[_i + 1].Kind is JqTokenKind.String);
            if (tok.Kind == JqTokenKind.Field)
            {
                _i++;
                t = new IndexAst(tok.Start, t, new LiteralAst(tok.Start, new JqString(tok.Text)));
            }
            else if (tok.Is(".") && _tokens[_i + 1].Kind == JqTokenKind.String)
            {
                _i++;
                t = new IndexAst(tok.Start, t, ParseStringToken("text", false));
            }
            else if (tok.Is(".") && _tokens[_i + 1].Is("["))
            {
                _i++;
            }
            else if (tok.Is("["))
            {
                t = ParseBracketSuffix(t);
            }
            else if (tok.Is("?"))
            {
                _i++;
                t = t is TryAst { Postfix: true } ? t : new TryAst(tok.Start, t, null, true);
            }
            else if (tok.Is("as") && allowAs)
            {
                _i++;
                IReadOnlyList<JqPattern> ps = ParsePatterns();
                Expect("|", "'|'");
                Enter(tok.Start);
                JqAst body = ParsePipe();
                Leave();
                return new BindAst(tok.Start, t, ps, body);
            }
            else
            {
                return t;
            }
        }
    }

    private JqAst ParseBracketSuffix(JqAst target)
    {
        int pos = Tok.Start;
        _i++;
        if (Accept("]"))
        {
            return new IterateAst(pos, target);
        }

        Enter(pos);
        JqAst? from = null;
        if (!Tok.Is(":"))
        {
            from = ParsePipe();
        }

        JqAst result;
        if (Accept(":"))
        {
            JqAst? to = Tok.Is("]") ? null : ParsePipe();
            if (from is null && to is null)
            {
                throw Unexpected();
            }

            result = new SliceAst(pos, target, from, to);
        }
        else
        {
            result = new IndexAst(pos, target, from!);
        }

        Expect("]");
        Leave();
        return result;
    }

    private JqAst ParsePrimary()
    {
        JqToken tok = Tok;
        switch (tok.Kind)
        {
            case JqTokenKind.Field:
                _i++;
                return new IndexAst(tok.Start, new IdentityAst(tok.Start), new LiteralAst(tok.Start, new JqString(tok.Text)));
            case JqTokenKind.Number:
                _i++;
                return new LiteralAst(tok.Start, JqNumber.FromLiteral(tok.Text));
            case JqTokenKind.String:
                return ParseStringToken("text", false);
            case JqTokenKind.Format:
                _i++;
                if (Tok.Kind == JqTokenKind.String)
                {
                    return ParseStringToken(tok.Text, true);
                }

                return new FormatAst(tok.Start, tok.Text);
            case JqTokenKind.Var:
                _i++;
                return tok.Text == "__loc__" ? new LocAst(tok.Start, LineOf(tok.Start)) : new VarAst(tok.Start, tok.Text);
            case JqTokenKind.Ident:
                return ParseCall();
            case JqTokenKind.Keyword:
                return ParseKeywordTerm();
        }

        if (tok.Is("."))
        {
            _i++;
            if (Tok.Kind == JqTokenKind.String)
            {
                return new IndexAst(tok.Start, new IdentityAst(tok.Start), ParseStringToken("text", false));
            }

            return new IdentityAst(tok.Start);
        }

        if (tok.Is(".."))
        {
            _i++;
            return new RecurseAst(tok.Start);
        }

        if (tok.Is("("))
        {
            _i++;
            Enter(tok.Start);
            JqAst body = ParsePipe();
            Expect(")");
            Leave();
            return new ParenAst(tok.Start, body);
        }

        if (tok.Is("["))
        {
            _i++;
            if (Accept("]"))
            {
                return new ArrayAst(tok.Start, null);
            }

            Enter(tok.Start);
            JqAst body = ParsePipe();
            Expect("]");
            Leave();
            return new ArrayAst(tok.Start, body);
        }

        if (tok.Is("{"))
        {
            return ParseObject();
        }

        if (tok.Is("$"))
        {
            // jq's grammar reads a '$' apart from its name as a token of its own and then expects another '$'.
            _i++;
            if (!Tok.Is("$"))
            {
                throw Unexpected("'$'");
            }

            if (_tokens[_i + 1].Kind == JqTokenKind.End)
            {
                _i++;
                throw Unexpected("'$'");
            }

            throw new JqParseException("syntax error, '$' must be followed by a variable name", tok.Start);
        }

        throw Unexpected();
    }

    private int LineOf(int pos)
    {
        int line = 1;
        for (int k = 0; k < pos && k < _src.Length; k++)
        {
            if (_src[k] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    private JqAst ParseCall()
    {
        JqToken name = Tok;
        _i++;
        if (!Tok.Is("("))
        {
            switch (name.Text)
            {
                case "null": return new LiteralAst(name.Start, JqValue.Null);
                case "true": return new LiteralAst(name.Start, JqValue.True);
                case "false": return new LiteralAst(name.Start, JqValue.False);
            }
        }

        var args = new List<JqAst>();
        if (Tok.Is("("))
        {
            _i++;
            Enter(name.Start);
            do
            {
                args.Add(ParsePipe());
            }
            while (Accept(";"));
            Expect(")");
            Leave();
        }

        return new CallAst(name.Start, name.Text, args);
    }

    private JqAst ParseKeywordTerm()
    {
        JqToken tok = Tok;
        switch (tok.Text)
        {
            case "def":
                return ParseFuncDef();
            case "if":
                return ParseIf();
            case "try":
                {
                    _i++;
                    Enter(tok.Start);
                    JqAst body = ParsePostTry();
                    JqAst? handler = null;
                    if (Accept("catch"))
                    {
                        handler = ParsePostTry();
                    }

                    Leave();
                    return new TryAst(tok.Start, body, handler, false);
                }

            case "reduce":
            case "foreach":
                return ParseFold(tok);
            case "label":
                {
                    _i++;
                    if (Tok.Kind != JqTokenKind.Var)
                    {
                        throw Unexpected("BINDING");
                    }

                    string name = Tok.Text;
                    _i++;
                    Expect("|", "'|'");
                    Enter(tok.Start);
                    JqAst body = ParsePipe();
                    Leave();
                    return new LabelAst(tok.Start, name, body);
                }

            case "break":
                _i++;
                if (Tok.Kind != JqTokenKind.Var)
                {
                    throw Unexpected();
                }

                return new BreakAst(tok.Start, _tokens[_i++].Text);
            case "import":
            case "include":
                throw new JqParseException("modules (import/include) are not supported", tok.Start);
            default:
                throw Unexpected();
        }
    }

    /// <summary>The operand of <c>try</c>/<c>catch</c>: binds tighter than every binary operator.</summary>
    private JqAst ParsePostTry()
    {
        if (Tok.Is("-"))
        {
            int pos = Tok.Start;
            _i++;
            return new NegAst(pos, ParsePostTry());
        }

        return ParsePostfix(allowAs: false);
    }

    private JqAst ParseIf()
    {
        int pos = Tok.Start;
        _i++;
        Enter(pos);
        JqAst cond = ParsePipe();
        Expect("then");
        JqAst then = ParsePipe();
        JqAst? els = null;
        if (Tok.Is("elif"))
        {
            els = ParseIf();
            Leave();
            return new IfAst(pos, cond, then, els);
        }

        if (Accept("else"))
        {
            els = ParsePipe();
        }

        if (Tok.Kind == JqTokenKind.End)
        {
            // jq reports the end of file, then the if it was in.
            throw new JqParseException(Unexpected().Reason, Tok.Start, new JqParseException("Possibly unterminated 'if' statement", pos));
        }

        Expect("end");
        Leave();
        return new IfAst(pos, cond, then, els);
    }

    private JqAst ParseFold(JqToken kw)
    {
        _i++;
        Enter(kw.Start);
        JqAst source = ParsePostfix(allowAs: false);
        Expect("as");
        IReadOnlyList<JqPattern> ps = ParsePatterns();
        Expect("(", "'('");
        JqAst init = ParsePipe();
        Expect(";");
        JqAst update = ParsePipe();
        JqAst? extract = null;
        if (kw.Text == "foreach" && Accept(";"))
        {
            extract = ParsePipe();
        }

        Expect(")");
        Leave();
        return kw.Text == "reduce"
            ? new ReduceAst(kw.Start, source, ps, init, update)
            : new ForeachAst(kw.Start, source, ps, init, update, extract);
    }

    private JqAst ParseStringToken(string format, bool explicitFormat)
    {
        JqToken tok = Tok;
        _i++;
        var parts = new List<object>();
        foreach (object p in tok.Parts!)
        {
            if (p is Range r)
            {
                var sub = new JqParser(_src, r.Start.Value, r.End.Value, _depth + 1);
                if (sub._depth > MaxNesting)
                {
                    throw new JqParseException($"program nested too deeply (more than {MaxNesting} levels)", r.Start.Value);
                }

                JqAst a = sub.ParsePipe();
                sub.ExpectEnd();
                _softErrors.AddRange(sub._softErrors);
                parts.Add(a);
            }
            else
            {
                parts.Add(p);
            }
        }

        if (!explicitFormat && parts.Count == 1 && parts[0] is string s)
        {
            return new LiteralAst(tok.Start, new JqString(s));
        }

        return new StringAst(tok.Start, format, parts, explicitFormat);
    }
}
