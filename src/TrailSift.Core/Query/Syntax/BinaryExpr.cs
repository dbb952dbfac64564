namespace TrailSift.Core.Query.Syntax;

/// <summary>A binary expression: pipe, comma, <c>//</c>, <c>and</c>, <c>or</c> or a comparison.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right) : Expr
{
    internal override int PrintPrecedence => Precedence.Of(Operator);

    internal override void Print(System.Text.StringBuilder sb)
    {
        int p = Precedence.Of(Operator);
        Associativity assoc = Precedence.AssociativityOf(Operator);
        PrintChild(sb, Left, assoc == Associativity.Left ? p : p + 1);
        sb.Append(Operator == BinaryOperator.Comma ? ", " : " " + Precedence.Symbol(Operator) + " ");
        PrintChild(sb, Right, assoc == Associativity.Right ? p : p + 1);
    }
}
