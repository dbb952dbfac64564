using System.Collections.Frozen;

namespace TrailSift.Core.Query.Syntax;

/// <summary>Terms: the operands of the operator table (literals, paths, calls, groups).</summary>
public sealed partial class Parser
{
    private static readonly FrozenSet<string> UnsupportedKeywords =
        FrozenSet.ToFrozenSet(["if", "reduce", "foreach", "try", "def", "label", "import", "include", "__loc__"]);

    private static readonly FrozenSet<string> MisplacedKeywords =
        FrozenSet.ToFrozenSet(["then", "elif", "else", "end", "catch", "as", "and", "or"]);

    private Expr ParseTerm()
    {
        Token t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Dot:
                Advance();
                if (Peek.Kind == TokenKind.String)
                {
                    return new FieldExpr(new IdentityExpr { Position = t.Position }, Advance().Text) { Position = t.Position };
                }

                return new IdentityExpr { Position = t.Position };
            case TokenKind.Field:
                Advance();
                return new FieldExpr(new IdentityExpr { Position = t.Position }, t.Text) { Position = t.Position };
            case TokenKind.Number:
                Advance();
                return new LiteralExpr(LiteralKind.Number, t.Text) { Position = t.Position };
            case TokenKind.String:
                Advance();
                return new LiteralExpr(LiteralKind.String, t.Text) { Position = t.Position };
            case TokenKind.LeftParen:
                {
                    Advance();
                    Expr inner = ParseExpression(Precedence.Pipe);
                    Expect(TokenKind.RightParen, "')'");
                    return inner;
                }

            case TokenKind.LeftBracket:
                {
                    Advance();
                    if (Peek.Kind == TokenKind.RightBracket)
                    {
                        Advance();
                        return new ArrayExpr(null) { Position = t.Position };
                    }

                    Expr body = ParseExpression(Precedence.Pipe);
                    Expect(TokenKind.RightBracket, "']'");
                    return new ArrayExpr(body) { Position = t.Position };
                }

            case TokenKind.Identifier:
                return ParseIdentifier();
            case TokenKind.LeftBrace:
                return ParseObject();
            case TokenKind.Variable:
                throw Fail(t, $"variables ({t.Text}) are not supported");
            case TokenKind.Format:
                throw Fail(t, $"formats ({t.Text}) are not supported");
            case TokenKind.DotDot:
                throw Fail(t, "recursive descent '..' is not supported");
            case TokenKind.End:
                throw Fail(t, "expected a value, found end of filter");
            default:
                throw Fail(t, $"expected a value, found {t.Describe()}");
        }
    }

    // jq: '{' (key [':' value]),* '}' where a value is a term, '-' value, or value '|' value.
    private Expr ParseObject()
    {
        Token open = Advance();
        var entries = System.Collections.Immutable.ImmutableArray.CreateBuilder<ObjectEntry>();
        while (Peek.Kind != TokenKind.RightBrace)
        {
            Token k = Peek;
            Expr key;
            string? name = null;
            switch (k.Kind)
            {
                case TokenKind.Identifier:
                case TokenKind.String:
                    Advance();
                    name = k.Text;
                    key = new LiteralExpr(LiteralKind.String, k.Text) { Position = k.Position };
                    break;
                case TokenKind.LeftParen:
                    Advance();
                    key = ParseExpression(Precedence.Pipe);
                    Expect(TokenKind.RightParen, "')'");
                    break;
                case TokenKind.Variable:
                    throw Fail(k, $"variables ({k.Text}) are not supported");
                default:
                    throw Fail(k, $"expected an object key, found {k.Describe()}");
            }

            Expr value;
            if (Peek.Kind == TokenKind.Colon)
            {
                Advance();
                value = ParseObjectValue();
            }
            else if (name is not null)
            {
                value = new FieldExpr(new IdentityExpr { Position = k.Position }, name) { Position = k.Position };
            }
            else
            {
                throw Fail(Peek, $"expected ':', found {Peek.Describe()}");
            }

            entries.Add(new ObjectEntry(key, value));
            if (Peek.Kind == TokenKind.Comma)
            {
                Advance();
            }
            else if (Peek.Kind != TokenKind.RightBrace)
            {
                throw Fail(Peek, $"expected ',' or '}}' in the object, found {Peek.Describe()}");
            }
        }

        Advance();
        return new ObjectExpr(entries.ToImmutable()) { Position = open.Position };
    }

    private Expr ParseObjectValue()
    {
        Expr left = ParsePrefix();
        if (Peek.Kind != TokenKind.Pipe)
        {
            return left;
        }

        Token pipe = Advance();
        return new BinaryExpr(BinaryOperator.Pipe, left, ParseObjectValue()) { Position = pipe.Position };
    }

    private Expr ParseIdentifier()
    {
        Token t = Advance();
        switch (t.Text)
        {
            case "null": return new LiteralExpr(LiteralKind.Null, string.Empty) { Position = t.Position };
            case "true": return new LiteralExpr(LiteralKind.True, string.Empty) { Position = t.Position };
            case "false": return new LiteralExpr(LiteralKind.False, string.Empty) { Position = t.Position };
        }

        if (UnsupportedKeywords.Contains(t.Text))
        {
            string hint = t.Text == "try" ? " (use the postfix '?' instead)" : string.Empty;
            throw Fail(t, $"'{t.Text}' is not supported{hint}");
        }

        if (MisplacedKeywords.Contains(t.Text))
        {
            throw Fail(t, $"expected a value, found '{t.Text}'");
        }

        if (Peek.Kind == TokenKind.LeftParen)
        {
            return new CallExpr(t.Text, ParseArguments()) { Position = t.Position };
        }

        return new CallExpr(t.Text) { Position = t.Position };
    }
}
