namespace TrailSift.Core.Query.Syntax;

/// <summary><c>[Body]</c>: an array of all outputs of <paramref name="Body"/>; <c>[]</c> when it is null.</summary>
/// <param name="Body">The collected expression, or null for the empty array.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ArrayExpr(Expr? Body) : Expr
{
    internal override int PrintPrecedence => Precedence.Postfix;

    internal override void Print(System.Text.StringBuilder sb)
    {
        sb.Append('[');
        Body?.Print(sb);
        sb.Append(']');
    }
}
