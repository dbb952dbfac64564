namespace TrailSift.Core.Query.Syntax;

/// <summary><c>-Operand</c>: a number's negation (an error for other values).</summary>
/// <param name="Operand">The negated expression.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record NegateExpr(Expr Operand) : Expr
{
    internal override int PrintPrecedence => Precedence.Additive;

    internal override void Print(System.Text.StringBuilder sb)
    {
        sb.Append('-');
        PrintChild(sb, Operand, Precedence.Postfix);
    }
}
