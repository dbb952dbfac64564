namespace TrailSift.Core.Query.Syntax;

/// <summary>
/// The one precedence table of the filter language, shared by the <see cref="Parser"/> and the printer.
/// Levels follow jq 1.6's <c>parser.y</c>: <c>|</c> &lt; <c>,</c> &lt; <c>//</c> &lt; assignment &lt;
/// <c>or</c> &lt; <c>and</c> &lt; comparisons &lt; <c>+ -</c> &lt; <c>* / %</c> &lt; postfix terms.
/// </summary>
/// <remarks>Immutable static data; thread-safe.</remarks>
public static class Precedence
{
    public const int Pipe = 1;
    public const int Comma = 2;
    public const int Alternative = 3;
    public const int Assignment = 4;
    public const int Or = 5;
    public const int And = 6;
    public const int Comparison = 7;
    public const int Additive = 8;
    public const int Multiplicative = 9;
    public const int Postfix = 10;

    /// <summary>One row of the table: an infix token, its operator (null when not supported) and binding.</summary>
    internal readonly record struct Infix(TokenKind Token, BinaryOperator? Operator, int Level, Associativity Associativity, string Symbol);

    private static readonly Infix[] Table =
    [
        new(TokenKind.Pipe, BinaryOperator.Pipe, Pipe, Associativity.Right, "|"),
        new(TokenKind.Comma, BinaryOperator.Comma, Comma, Associativity.Left, ","),
        new(TokenKind.Alternative, BinaryOperator.Alternative, Alternative, Associativity.Right, "//"),
        new(TokenKind.Assign, null, Assignment, Associativity.None, "="),
        new(TokenKind.Identifier, BinaryOperator.Or, Or, Associativity.Left, "or"),
        new(TokenKind.Identifier, BinaryOperator.And, And, Associativity.Left, "and"),
        new(TokenKind.Equal, BinaryOperator.Equal, Comparison, Associativity.None, "=="),
        new(TokenKind.NotEqual, BinaryOperator.NotEqual, Comparison, Associativity.None, "!="),
        new(TokenKind.Less, BinaryOperator.Less, Comparison, Associativity.None, "<"),
        new(TokenKind.LessEqual, BinaryOperator.LessEqual, Comparison, Associativity.None, "<="),
        new(TokenKind.Greater, BinaryOperator.Greater, Comparison, Associativity.None, ">"),
        new(TokenKind.GreaterEqual, BinaryOperator.GreaterEqual, Comparison, Associativity.None, ">="),
        new(TokenKind.Plus, null, Additive, Associativity.Left, "+"),
        new(TokenKind.Minus, null, Additive, Associativity.Left, "-"),
        new(TokenKind.Star, null, Multiplicative, Associativity.Left, "*"),
        new(TokenKind.Slash, null, Multiplicative, Associativity.Left, "/"),
        new(TokenKind.Percent, null, Multiplicative, Associativity.Left, "%"),
    ];

    /// <summary>Finds the infix row for <paramref name="token"/> (<c>and</c>/<c>or</c> are identifiers).</summary>
    internal static bool TryGetInfix(in Token token, out Infix infix)
    {
        foreach (Infix row in Table)
        {
            if (row.Token == token.Kind && (token.Kind != TokenKind.Identifier || row.Symbol == token.Text))
            {
                infix = row;
                return true;
            }
        }

        infix = default;
        return false;
    }

    /// <summary>The level of <paramref name="op"/>.</summary>
    public static int Of(BinaryOperator op) => Row(op).Level;

    /// <summary>The associativity of <paramref name="op"/>.</summary>
    public static Associativity AssociativityOf(BinaryOperator op) => Row(op).Associativity;

    /// <summary>The source symbol of <paramref name="op"/>.</summary>
    public static string Symbol(BinaryOperator op) => Row(op).Symbol;

    private static Infix Row(BinaryOperator op)
    {
        foreach (Infix row in Table)
        {
            if (row.Operator == op)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(op));
    }
}
