namespace TrailSift.Core.Query.Syntax;

/// <summary><c>Target[]</c>: every element of an array or every value of an object.</summary>
/// <param name="Target">The value iterated.</param>
/// <param name="Optional">Written <c>[]?</c>: a value that cannot be iterated gives no output instead of an error.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record IterateExpr(Expr Target, bool Optional = false) : Expr
{
    internal override int PrintPrecedence => Precedence.Postfix;

    internal override void Print(System.Text.StringBuilder sb)
    {
        PrintTarget(sb, Target);
        sb.Append(Optional ? "[]?" : "[]");
    }
}
