namespace TrailSift.Core.Query.Syntax;

/// <summary><c>Target[Key]</c>: an array element (number key) or object property (string key).</summary>
/// <param name="Target">The value indexed.</param>
/// <param name="Key">The key; as in jq it is evaluated against the same input as the whole expression.</param>
/// <param name="Optional">Written <c>[k]?</c>: a value that cannot be indexed gives no output instead of an error.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record IndexExpr(Expr Target, Expr Key, bool Optional = false) : Expr
{
    internal override int PrintPrecedence => Precedence.Postfix;

    internal override void Print(System.Text.StringBuilder sb)
    {
        PrintTarget(sb, Target);
        sb.Append('[');
        Key.Print(sb);
        sb.Append(Optional ? "]?" : "]");
    }
}
