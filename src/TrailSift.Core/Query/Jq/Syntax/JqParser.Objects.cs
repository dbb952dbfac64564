using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>Object construction and destructuring patterns.</summary>
internal sealed partial class JqParser
{
    private JqAst ParseObject()
    {
        int pos = Tok.Start;
        _i++;
        Enter(pos);
        var entries = new List<ObjectEntryAst>();
        if (!Tok.Is("}"))
        {
            // jq 1.7 accepts a trailing comma: {"a": 1,}.
            do
            {
                entries.Add(ParseObjectEntry());
            }
            while (Accept(",") && !Tok.Is("}"));
        }

        Expect("}", "'}'");
        Leave();
        return new ObjectAst(pos, entries);
    }

    private ObjectEntryAst ParseObjectEntry()
    {
        JqToken tok = Tok;
        JqAst key;
        switch (tok.Kind)
        {
            case JqTokenKind.Var:
                _i++;
                if (tok.Text == "__loc__")
                {
                    return new ObjectEntryAst(new LiteralAst(tok.Start, new JqString("__loc__")), new LocAst(tok.Start, LineOf(tok.Start)));
                }

                if (Tok.Is(":"))
                {
                    throw new JqParseException("syntax error, a $variable key cannot take a value in an object", Tok.Start);
                }

                return new ObjectEntryAst(new VarAst(tok.Start, tok.Text), null);
            case JqTokenKind.Ident:
            case JqTokenKind.Keyword:
                _i++;
                key = new LiteralAst(tok.Start, new JqString(tok.Text));
                break;
            case JqTokenKind.Number:
                // jq's grammar has no number keys: {1: 2} is a syntax error at the literal.
                throw Unexpected();
            case JqTokenKind.String:
                key = ParseStringToken("text", false);
                break;
            case JqTokenKind.Format:
                _i++;
                if (Tok.Kind != JqTokenKind.String)
                {
                    throw Unexpected();
                }

                key = ParseStringToken(tok.Text, true);
                break;
            default:
                if (tok.Is("("))
                {
                    _i++;
                    Enter(tok.Start);
                    key = new ParenAst(tok.Start, ParsePipe());
                    Expect(")");
                    Leave();
                    if (!Tok.Is(":"))
                    {
                        throw Unexpected();
                    }

                    break;
                }

                throw Unexpected();
        }

        if (!Accept(":"))
        {
            if (key is LiteralAst { Value: JqNumber })
            {
                throw Unexpected();
            }

            return new ObjectEntryAst(key, null);
        }

        if (key is LiteralAst { Value: JqNumber })
        {
            throw new JqParseException("Object keys must be strings", tok.Start);
        }

        JqAst value = ParseObjectValue();
        if (key is ParenAst && JqConstant.KeyError(key) is string message)
        {
            _softErrors.Add(new JqParseException(message, tok.Start));
        }

        return new ObjectEntryAst(key, value);
    }

    /// <summary>ExpD: terms joined by <c>|</c>, with unary minus.</summary>
    private JqAst ParseObjectValue()
    {
        JqAst v = ParseObjectValueTerm();
        while (Tok.Is("|"))
        {
            int pos = Tok.Start;
            _i++;
            v = new PipeAst(pos, v, ParseObjectValueTerm());
        }

        return v;
    }

    private JqAst ParseObjectValueTerm()
    {
        if (Tok.Is("-"))
        {
            int pos = Tok.Start;
            _i++;
            Enter(pos);
            JqAst operand = ParseObjectValueTerm();
            Leave();
            return new NegAst(pos, operand);
        }

        if (Tok.Kind == JqTokenKind.Keyword && Tok.Text is "reduce" or "foreach" or "try" or "label" or "def" or "if")
        {
            throw Unexpected();
        }

        return ParsePostfix(allowAs: false, termOnly: true);
    }

    private IReadOnlyList<JqPattern> ParsePatterns()
    {
        var list = new List<JqPattern> { ParsePattern() };
        while (Accept("?//"))
        {
            list.Add(ParsePattern());
        }

        return list;
    }

    private JqPattern ParsePattern()
    {
        JqToken tok = Tok;
        if (tok.Kind == JqTokenKind.Var)
        {
            _i++;
            if (tok.Text == "__loc__")
            {
                throw new JqParseException("cannot bind $__loc__", tok.Start);
            }

            return new VarPattern(tok.Start, tok.Text);
        }

        Enter(tok.Start);
        try
        {
            if (Accept("["))
            {
                var elems = new List<JqPattern>();
                do
                {
                    elems.Add(ParsePattern());
                }
                while (Accept(","));
                Expect("]");
                return new ArrayPattern(tok.Start, elems);
            }

            if (Accept("{"))
            {
                var entries = new List<ObjectPatternEntry>();
                do
                {
                    entries.Add(ParseObjectPatternEntry());
                }
                while (Accept(","));
                Expect("}");
                return new ObjectPattern(tok.Start, entries);
            }

            throw Unexpected("BINDING or '[' or '{'");
        }
        finally
        {
            Leave();
        }
    }

    private ObjectPatternEntry ParseObjectPatternEntry()
    {
        JqToken tok = Tok;
        if (tok.Kind == JqTokenKind.Var)
        {
            _i++;
            JqPattern? value = Accept(":") ? ParsePattern() : null;
            return new ObjectPatternEntry(tok.Text, null, value);
        }

        JqAst key;
        if (tok.Kind is JqTokenKind.Ident or JqTokenKind.Keyword)
        {
            _i++;
            key = new LiteralAst(tok.Start, new JqString(tok.Text));
        }
        else if (tok.Kind == JqTokenKind.String)
        {
            key = ParseStringToken("text", false);
        }
        else if (tok.Is("("))
        {
            _i++;
            key = ParsePipe();
            Expect(")");
        }
        else
        {
            throw Unexpected();
        }

        Expect(":");
        JqPattern pattern = ParsePattern();
        if (tok.Is("(") && JqConstant.KeyError(key) is string message)
        {
            _softErrors.Add(new JqParseException(message, tok.Start));
        }

        return new ObjectPatternEntry(null, key, pattern);
    }
}
