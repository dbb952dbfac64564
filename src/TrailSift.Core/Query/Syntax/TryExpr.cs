namespace TrailSift.Core.Query.Syntax;

/// <summary><c>Body?</c>: the outputs of <paramref name="Body"/> up to its first error, which is dropped.</summary>
/// <param name="Body">The guarded expression.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record TryExpr(Expr Body) : Expr
{
    internal override int PrintPrecedence => Precedence.Postfix;

    internal override void Print(System.Text.StringBuilder sb)
    {
        PrintTarget(sb, Body);
        sb.Append('?');
    }
}
