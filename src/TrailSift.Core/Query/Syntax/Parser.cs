using System.Collections.Immutable;

namespace TrailSift.Core.Query.Syntax;

/*! Query/Syntax: the filter's text form. Lexer (tokens with positions) -> Parser (Pratt, one
    precedence table in Precedence) -> Expr records that print back to source. Knows nothing about
    events or evaluation; depends on the BCL and QueryError only. */

/// <summary>
/// A hand-written Pratt parser for the jq subset TrailSift runs. Binary operators come from the one
/// table in <see cref="Precedence"/>; jq constructs outside the subset are parsed far enough to be
/// reported as "not supported" at their position, never skipped.
/// </summary>
/// <remarks>Each instance parses one text on one thread; the static <see cref="Parse"/> is thread-safe.</remarks>
public sealed partial class Parser
{
    private const int MaxDepth = 200;
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _next;
    private int _depth;

    private Parser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    /// <summary>Parses a whole filter; an empty filter (blank or only comments) is the identity <c>.</c>.</summary>
    /// <returns>The tree, or null with <paramref name="error"/> set.</returns>
    public static Expr? Parse(string text, out QueryError? error)
    {
        List<Token>? tokens = Lexer.Tokenize(text, out error);
        if (tokens is null)
        {
            return null;
        }

        if (tokens.Count == 1)
        {
            return new IdentityExpr { Position = 0 };
        }

        var parser = new Parser(text, tokens);
        try
        {
            Expr expr = parser.ParseExpression(Precedence.Pipe);
            Token end = parser.Peek;
            if (end.Kind != TokenKind.End)
            {
                throw parser.Fail(end, end.Kind == TokenKind.RightParen ? "unmatched ')'" : $"unexpected {end.Describe()}");
            }

            return expr;
        }
        catch (SyntaxException ex)
        {
            error = ex.Error;
            return null;
        }
    }

    private Token Peek => _tokens[_next];

    private Token PeekAt(int ahead) => _tokens[Math.Min(_next + ahead, _tokens.Count - 1)];

    private Token Advance() => _tokens[_next++];

    private SyntaxException Fail(in Token at, string message) => new(new QueryError(_text, at.Position, message));

    private Token Expect(TokenKind kind, string what)
    {
        Token t = Peek;
        if (t.Kind != kind)
        {
            throw Fail(t, $"expected {what}, found {t.Describe()}");
        }

        return Advance();
    }

    private Expr ParseExpression(int minimum)
    {
        if (++_depth > MaxDepth)
        {
            throw Fail(Peek, "filter nests too deeply");
        }

        Expr left = ParsePrefix();
        while (Precedence.TryGetInfix(Peek, out Precedence.Infix infix) && infix.Level >= minimum)
        {
            Token op = Advance();
            if (infix.Operator is not BinaryOperator binary)
            {
                throw Fail(op, infix.Level == Precedence.Assignment
                    ? $"assignment '{op.Text}' is not supported (filters only select events)"
                    : $"arithmetic operator '{op.Text}' is not supported{DashHint(left, op)}");
            }

            int next = infix.Associativity == Associativity.Right ? infix.Level : infix.Level + 1;
            Expr right = ParseExpression(next);
            left = new BinaryExpr(binary, left, right) { Position = op.Position };
            if (infix.Associativity == Associativity.None
                && Precedence.TryGetInfix(Peek, out Precedence.Infix again) && again.Level == infix.Level)
            {
                throw Fail(Peek, $"'{Peek.Text}' cannot follow '{op.Text}' without parentheses");
            }
        }

        _depth--;
        return left;
    }

    // ".user-name" reads as ".user - name" in jq; point at the quoted form.
    private string DashHint(Expr left, in Token op)
    {
        Token next = Peek;
        bool glued = left is FieldExpr && op.Kind == TokenKind.Minus && next.Kind == TokenKind.Identifier
            && op.Position > 0 && _text[op.Position - 1] != ' ' && next.Position == op.Position + 1;
        return glued ? $" (for a field name with '-', write .\"{((FieldExpr)left).Name}-{next.Text}\")" : string.Empty;
    }

    private Expr ParsePrefix()
    {
        Token t = Peek;
        if (t.Kind == TokenKind.Minus)
        {
            Advance();
            Expr operand = ParseExpression(Precedence.Additive + 1);
            return new NegateExpr(operand) { Position = t.Position };
        }

        bool grouped = t.Kind == TokenKind.LeftParen;
        return ParsePostfix(ParseTerm(), grouped);
    }

    // As in jq 1.6, '?' right after a path step makes that step optional (no output for a value it
    // cannot index or iterate, and the stream goes on); after anything else it is try (stop quietly).
    private Expr ParsePostfix(Expr term, bool grouped)
    {
        bool step = !grouped && term is FieldExpr;
        while (true)
        {
            Token t = Peek;
            switch (t.Kind)
            {
                case TokenKind.Field:
                    Advance();
                    term = new FieldExpr(term, t.Text) { Position = t.Position };
                    step = true;
                    break;
                case TokenKind.Dot when PeekAt(1).Kind == TokenKind.String:
                    Advance();
                    term = new FieldExpr(term, Advance().Text) { Position = t.Position };
                    step = true;
                    break;
                case TokenKind.Dot when PeekAt(1).Kind == TokenKind.LeftBracket:
                    Advance(); // jq 1.7's ".a.[0]" form, accepted as ".a[0]"
                    break;
                case TokenKind.LeftBracket:
                    term = ParseBracket(term);
                    step = true;
                    break;
                case TokenKind.Question:
                    Advance();
                    term = step ? MakeOptional(term) : new TryExpr(term) { Position = t.Position };
                    step = false;
                    break;
                case TokenKind.Identifier when t.Text == "as":
                    throw Fail(t, "variable binding 'as' is not supported");
                case TokenKind.Dot:
                    throw Fail(PeekAt(1), $"expected a field name after '.', found {PeekAt(1).Describe()}");
                default:
                    return term;
            }
        }
    }

    private static Expr MakeOptional(Expr step) => step switch
    {
        FieldExpr f => f with { Optional = true },
        IndexExpr i => i with { Optional = true },
        IterateExpr it => it with { Optional = true },
        _ => throw new InvalidOperationException("not a path step"),
    };

    private Expr ParseBracket(Expr target)
    {
        Token open = Advance();
        if (Peek.Kind == TokenKind.RightBracket)
        {
            Advance();
            return new IterateExpr(target) { Position = open.Position };
        }

        if (Peek.Kind == TokenKind.Colon)
        {
            throw Fail(Peek, "slices [from:to] are not supported");
        }

        Expr key = ParseExpression(Precedence.Pipe);
        if (Peek.Kind == TokenKind.Colon)
        {
            throw Fail(Peek, "slices [from:to] are not supported");
        }

        Expect(TokenKind.RightBracket, "']'");
        return new IndexExpr(target, key) { Position = open.Position };
    }

    private ImmutableArray<Expr> ParseArguments()
    {
        Expect(TokenKind.LeftParen, "'('");
        var args = ImmutableArray.CreateBuilder<Expr>();
        while (true)
        {
            args.Add(ParseExpression(Precedence.Pipe));
            Token t = Peek;
            if (t.Kind == TokenKind.Semicolon)
            {
                Advance();
                continue;
            }

            if (t.Kind == TokenKind.RightParen)
            {
                Advance();
                return args.ToImmutable();
            }

            throw Fail(t, $"expected ';' or ')' in the argument list, found {t.Describe()}");
        }
    }

    private sealed class SyntaxException(QueryError error) : Exception(error.Message)
    {
        public QueryError Error { get; } = error;
    }
}
