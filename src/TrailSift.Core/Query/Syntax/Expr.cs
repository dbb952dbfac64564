namespace TrailSift.Core.Query.Syntax;

/// <summary>
/// A node of a parsed filter. <see cref="ToString"/> prints the node back as jq source (with only the
/// parentheses its precedence needs), and parsing that text gives an equal tree. Equality is structural
/// and ignores <see cref="Position"/>, so trees parsed from differently spaced text compare equal.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public abstract record Expr
{
    /// <summary>Offset in the filter of the node's main token (the operator of a binary expression).</summary>
    public int Position { get; init; }

    /// <summary>How tightly the node binds when printed; see <see cref="Precedence"/>.</summary>
    internal abstract int PrintPrecedence { get; }

    /// <summary>Structural equality that ignores <see cref="Position"/>.</summary>
    public virtual bool Equals(Expr? other) => other is not null && EqualityContract == other.EqualityContract;

    /// <inheritdoc/>
    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>Prints the node as jq source.</summary>
    public sealed override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        Print(sb);
        return sb.ToString();
    }

    internal abstract void Print(System.Text.StringBuilder sb);

    /// <summary>Prints <paramref name="child"/>, in parentheses when it binds more loosely than <paramref name="minimum"/>.</summary>
    internal static void PrintChild(System.Text.StringBuilder sb, Expr child, int minimum)
    {
        if (child.PrintPrecedence < minimum)
        {
            sb.Append('(');
            child.Print(sb);
            sb.Append(')');
        }
        else
        {
            child.Print(sb);
        }
    }

    /// <summary>Prints the target of a postfix (<c>.a</c>, <c>[k]</c>, <c>[]</c>, <c>?</c>).</summary>
    internal static void PrintTarget(System.Text.StringBuilder sb, Expr target)
    {
        bool bare = target is FieldExpr or IndexExpr or IterateExpr or TryExpr or CallExpr or ArrayExpr or IdentityExpr
            || target is LiteralExpr { Kind: not LiteralKind.Number };
        if (bare)
        {
            target.Print(sb);
        }
        else
        {
            sb.Append('(');
            target.Print(sb);
            sb.Append(')');
        }
    }
}
