using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Query;

/// <summary>
/// Removes the part of a filter that walks a whole log file, <c>.Records[]</c> (or <c>.[]</c> for a bare
/// array file), from the start of the filter: as the first pipe stage (<c>.Records[] | select(...)</c>),
/// or as the base of the leading path (<c>.Records[].eventName == "X"</c>).
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class FilePrefix
{
    public static Expr Remove(Expr expr)
    {
        if (IsPrefix(expr, allowBareIterate: true))
        {
            return new IdentityExpr { Position = expr.Position };
        }

        if (expr is BinaryExpr { Operator: BinaryOperator.Pipe } pipe)
        {
            if (IsPrefix(pipe.Left, allowBareIterate: true))
            {
                return pipe.Right;
            }

            return StripBase(pipe.Left) is Expr left ? pipe with { Left = left } : expr;
        }

        // A bare condition: only the explicit .Records[] is taken as the file walk here, since
        // ".[] == x" is a meaningful test of one event's values.
        return StripLeftmost(expr) ?? expr;
    }

    private static Expr? StripLeftmost(Expr expr) => expr switch
    {
        BinaryExpr b => StripLeftmost(b.Left) is Expr left ? b with { Left = left } : null,
        CallExpr or LiteralExpr or ArrayExpr or NegateExpr => null,
        _ => StripBase(expr),
    };

    // Replaces the innermost .Records[] of a postfix chain by '.'.
    private static Expr? StripBase(Expr expr)
    {
        if (IsPrefix(expr, allowBareIterate: false))
        {
            return new IdentityExpr { Position = expr.Position };
        }

        return expr switch
        {
            FieldExpr f => StripBase(f.Target) is Expr t ? f with { Target = t } : null,
            IndexExpr { Key: LiteralExpr } i => StripBase(i.Target) is Expr t ? i with { Target = t } : null,
            IterateExpr it => StripBase(it.Target) is Expr t ? it with { Target = t } : null,
            TryExpr tr => StripBase(tr.Body) is Expr t ? tr with { Body = t } : null,
            _ => null,
        };
    }

    private static bool IsPrefix(Expr e, bool allowBareIterate)
    {
        if (e is TryExpr t)
        {
            e = t.Body;
        }

        return e is IterateExpr { Target: FieldExpr { Target: IdentityExpr, Name: "Records", Optional: false } }
            || (allowBareIterate && e is IterateExpr { Target: IdentityExpr });
    }
}
