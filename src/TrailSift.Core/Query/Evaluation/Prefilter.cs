using System.Text;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>
/// A sound test on a record's raw bytes, derived from the filter: the literal strings a record must
/// contain for the filter to have a truthy output. Only positive string tests on values taken from
/// the record count (<c>x == "lit"</c>, <c>contains</c>, <c>startswith</c>, <c>endswith</c>), combined
/// through <c>and</c>, <c>or</c>, <c>,</c>, <c>//</c> and <c>select</c> chains. A matching string either
/// appears verbatim in the JSON text or is written with escapes, so a record holding a backslash
/// always passes.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal abstract class Prefilter
{
    /// <summary>Builds the prefilter of a condition applied to the record; null when nothing is required.</summary>
    public static Prefilter? For(Expr condition) => Require(condition, fromRecord: true);

    /// <summary>False only when no record with these bytes can match.</summary>
    public bool MayMatch(ReadOnlySpan<byte> utf8) => Holds(utf8) || utf8.IndexOf((byte)'\\') >= 0;

    protected abstract bool Holds(ReadOnlySpan<byte> utf8);

    // fromRecord: the expression's input is the record or a value inside it.
    private static Prefilter? Require(Expr e, bool fromRecord)
    {
        switch (e)
        {
            case BinaryExpr { Operator: BinaryOperator.And } b:
                return All(Require(b.Left, fromRecord), Require(b.Right, fromRecord));
            case BinaryExpr { Operator: BinaryOperator.Or or BinaryOperator.Comma or BinaryOperator.Alternative } b:
                return AnyOf(Require(b.Left, fromRecord), Require(b.Right, fromRecord));
            case BinaryExpr { Operator: BinaryOperator.Pipe } b:
                return All(OutputRequirement(b.Left, fromRecord), Require(b.Right, fromRecord && IsRecordPath(b.Left)));
            case BinaryExpr { Operator: BinaryOperator.Equal } b when fromRecord:
                return IsRecordPath(b.Left) ? Literals(b.Right, quoted: true)
                    : IsRecordPath(b.Right) ? Literals(b.Left, quoted: true) : null;
            case CallExpr { Name: "select", Arguments: [Expr c] }:
                return Require(c, fromRecord);
            case CallExpr { Name: "contains" or "startswith" or "endswith", Arguments: [LiteralExpr { Kind: LiteralKind.String } lit] } when fromRecord:
                return Needle(lit.Text, quoted: false);
            case TryExpr t:
                return Require(t.Body, fromRecord);
            default:
                return null;
        }
    }

    // What must hold for the left side of a pipe to produce any output at all.
    private static Prefilter? OutputRequirement(Expr e, bool fromRecord) => e switch
    {
        CallExpr { Name: "select", Arguments: [Expr c] } => Require(c, fromRecord),
        BinaryExpr { Operator: BinaryOperator.Pipe } b =>
            All(OutputRequirement(b.Left, fromRecord), OutputRequirement(b.Right, fromRecord && IsRecordPath(b.Left))),
        _ => null,
    };

    // A value reached from the input only by navigation (.a, .[k], .[], ?, select) is part of the record.
    private static bool IsRecordPath(Expr e) => e switch
    {
        IdentityExpr => true,
        FieldExpr f => IsRecordPath(f.Target),
        IndexExpr i => IsRecordPath(i.Target),
        IterateExpr it => IsRecordPath(it.Target),
        TryExpr t => IsRecordPath(t.Body),
        CallExpr { Name: "select" } => true,
        BinaryExpr { Operator: BinaryOperator.Pipe } p => IsRecordPath(p.Left) && IsRecordPath(p.Right),
        _ => false,
    };

    private static Prefilter? Literals(Expr e, bool quoted) => e switch
    {
        LiteralExpr { Kind: LiteralKind.String } lit => Needle(lit.Text, quoted),
        BinaryExpr { Operator: BinaryOperator.Comma } c => AnyOf(Literals(c.Left, quoted), Literals(c.Right, quoted)),
        _ => null,
    };

    private static Prefilter? Needle(string literal, bool quoted)
    {
        if (literal.Length == 0 && !quoted)
        {
            return null;
        }

        foreach (char c in literal)
        {
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return null; // JSON must escape these, and escapes are covered by the backslash rule
            }
        }

        return new NeedleFilter(Encoding.UTF8.GetBytes(quoted ? "\"" + literal + "\"" : literal));
    }

    private static Prefilter? All(Prefilter? a, Prefilter? b) => a is null ? b : b is null ? a : new AllFilter(a, b);

    // Either side may be the one that holds, so both must require something.
    private static Prefilter? AnyOf(Prefilter? a, Prefilter? b) => a is null || b is null ? null : new AnyFilter(a, b);

    private sealed class NeedleFilter(byte[] needle) : Prefilter
    {
        protected override bool Holds(ReadOnlySpan<byte> utf8) => utf8.IndexOf(needle) >= 0;
    }

    private sealed class AllFilter(Prefilter a, Prefilter b) : Prefilter
    {
        protected override bool Holds(ReadOnlySpan<byte> utf8) => a.Holds(utf8) && b.Holds(utf8);
    }

    private sealed class AnyFilter(Prefilter a, Prefilter b) : Prefilter
    {
        protected override bool Holds(ReadOnlySpan<byte> utf8) => a.Holds(utf8) || b.Holds(utf8);
    }
}
