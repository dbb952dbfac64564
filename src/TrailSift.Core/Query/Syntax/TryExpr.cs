namespace TrailSift.Core.Query.Syntax;

/// <summary>
/// <c>(Body)?</c>: the outputs of <paramref name="Body"/> up to its first error, which is dropped. A <c>?</c>
/// right after a path step is not this but an optional step (<see cref="FieldExpr.Optional"/>).
/// </summary>
/// <param name="Body">The guarded expression.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record TryExpr(Expr Body) : Expr
{
    internal override int PrintPrecedence => Precedence.Postfix;

    internal override void Print(System.Text.StringBuilder sb)
    {
        if (Body is FieldExpr { Optional: false } or IndexExpr { Optional: false } or IterateExpr { Optional: false })
        {
            sb.Append('(');
            Body.Print(sb);
            sb.Append(")?"); // without parentheses the '?' would make the last step optional
            return;
        }

        PrintTarget(sb, Body);
        sb.Append('?');
    }
}
