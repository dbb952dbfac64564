using System.Collections.Immutable;

namespace TrailSift.Core.Query.Syntax;

/// <summary>
/// <c>{key: value, ...}</c>: object construction. Keys are string literals (<c>a</c>, <c>"a b"</c>) or
/// computed <c>(expr)</c>; the shorthand <c>{a}</c> is stored as <c>{"a": .a}</c>. Several outputs of a
/// key or value give several objects, as in jq.
/// </summary>
/// <param name="Entries">The (key, value) pairs in source order.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ObjectExpr(ImmutableArray<ObjectEntry> Entries) : Expr
{
    internal override int PrintPrecedence => Precedence.Postfix;

    /// <summary>Structural equality over the entries (ignoring positions).</summary>
    public bool Equals(ObjectExpr? other)
    {
        if (other is null || !base.Equals(other) || Entries.Length != other.Entries.Length)
        {
            return false;
        }

        for (int i = 0; i < Entries.Length; i++)
        {
            if (!Entries[i].Key.Equals(other.Entries[i].Key) || !Entries[i].Value.Equals(other.Entries[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => Entries.Length;

    internal override void Print(System.Text.StringBuilder sb)
    {
        sb.Append('{');
        for (int i = 0; i < Entries.Length; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ");
            ObjectEntry e = Entries[i];
            if (e.Key is LiteralExpr { Kind: LiteralKind.String } s)
            {
                LiteralExpr.AppendJsonString(sb, s.Text);
            }
            else
            {
                sb.Append('(');
                e.Key.Print(sb);
                sb.Append(')');
            }

            sb.Append(": ");
            PrintChild(sb, e.Value, Precedence.Postfix);
        }

        sb.Append('}');
    }
}
