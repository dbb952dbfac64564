namespace TrailSift.Core.Query.Syntax;

/// <summary><c>.</c>: the input itself (also what an empty filter means).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record IdentityExpr : Expr
{
    internal override int PrintPrecedence => Precedence.Postfix;

    internal override void Print(System.Text.StringBuilder sb) => sb.Append('.');
}
