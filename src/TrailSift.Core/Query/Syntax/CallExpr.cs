using System.Collections.Immutable;

namespace TrailSift.Core.Query.Syntax;

/// <summary>A call of a builtin such as <c>select(f)</c>, <c>test(re; flags)</c> or <c>length</c>.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments (filters evaluated against the call's input), separated by <c>;</c>.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CallExpr(string Name, ImmutableArray<Expr> Arguments) : Expr
{
    /// <summary>A call without arguments.</summary>
    public CallExpr(string name)
        : this(name, ImmutableArray<Expr>.Empty)
    {
    }

    /// <summary>The name with its arity, as jq names functions (<c>test/2</c>).</summary>
    public string Signature => $"{Name}/{Arguments.Length}";

    internal override int PrintPrecedence => Precedence.Postfix;

    /// <summary>Structural equality over the name and the arguments (ignoring positions).</summary>
    public bool Equals(CallExpr? other)
    {
        if (other is null || !base.Equals(other) || Name != other.Name || Arguments.Length != other.Arguments.Length)
        {
            return false;
        }

        for (int i = 0; i < Arguments.Length; i++)
        {
            if (!Arguments[i].Equals(other.Arguments[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Arguments.Length);

    internal override void Print(System.Text.StringBuilder sb)
    {
        sb.Append(Name);
        if (Arguments.Length == 0)
        {
            return;
        }

        sb.Append('(');
        for (int i = 0; i < Arguments.Length; i++)
        {
            if (i > 0)
            {
                sb.Append("; ");
            }

            Arguments[i].Print(sb);
        }

        sb.Append(')');
    }
}
