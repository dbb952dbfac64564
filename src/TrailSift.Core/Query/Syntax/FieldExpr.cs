namespace TrailSift.Core.Query.Syntax;

/// <summary><c>.name</c> or <c>."name"</c> applied to <paramref name="Target"/>: an object's property.</summary>
/// <param name="Target">The value indexed (<see cref="IdentityExpr"/> for a leading <c>.name</c>).</param>
/// <param name="Name">The property name.</param>
/// <param name="Optional">Written <c>.name?</c>: a value that cannot be indexed gives no output instead of an error.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record FieldExpr(Expr Target, string Name, bool Optional = false) : Expr
{
    internal override int PrintPrecedence => Precedence.Postfix;

    internal override void Print(System.Text.StringBuilder sb)
    {
        if (Target is not IdentityExpr)
        {
            PrintTarget(sb, Target);
        }

        sb.Append('.');
        if (IsIdentifier(Name))
        {
            sb.Append(Name);
        }
        else
        {
            LiteralExpr.AppendJsonString(sb, Name);
        }

        sb.Append(Optional ? "?" : string.Empty);
    }

    /// <summary>True when <paramref name="name"/> can follow a dot unquoted.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
