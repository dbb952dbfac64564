using TrailSift.Core.Query.Evaluation;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Query;

/// <summary>
/// The in-place evaluator (<c>Evaluation/</c>: no value is built, nothing allocated per event) as a fast path
/// for the jq engine. It is used only for conditions inside the subset where it is known to compute what jq
/// 1.7.1 computes: paths with name and integer steps, optional steps, literals, comparisons, <c>and</c>/<c>or</c>,
/// <c>,</c>, <c>//</c>, <c>|</c>, array and object constructions, and the builtins whose 1.6 and 1.7.1 answers
/// agree. Anything else (regexes, the 1.6 try <c>(e)?</c>, computed or fractional indexes, long numbers) goes
/// to the jq engine. A differential test checks the two on the corpus (<c>FastConditionDifferentialTests</c>).
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class FastCondition
{
    // The in-place parser is recursive; the jq parser has already accepted the text, so only short filters are tried.
    private const int MaxLength = 4096;

    /// <summary>The in-place form of <paramref name="condition"/>, when it is inside the exact subset; else null.</summary>
    public static QNode? TryCompile(string condition)
    {
        Expr? e = TryParse(condition);
        return e is not null && Exact(e) ? Compiler.Compile(e) : null;
    }

    /// <summary>The raw-bytes prefilter of <paramref name="condition"/> when the in-place parser reads it (sound for jq's semantics); else null.</summary>
    public static Prefilter? PrefilterOf(string condition) => TryParse(condition) is Expr e ? Prefilter.For(e) : null;

    /// <summary>
    /// True when <paramref name="condition"/>, applied to an event (an object), can raise no jq error whatever the
    /// event holds: top-level fields, literals, comparisons, <c>and</c>/<c>or</c>/<c>not</c>, <c>,</c>, <c>//</c>.
    /// Only then may a prefilter skip events for a jq program, which must stop at an error as jq does.
    /// </summary>
    public static bool CannotFail(string condition) => TryParse(condition) is Expr e && CannotFail(e);

    private static bool CannotFail(Expr e) => e switch
    {
        IdentityExpr or LiteralExpr => true,
        FieldExpr { Target: IdentityExpr } => true,
        IndexExpr { Target: IdentityExpr, Key: LiteralExpr { Kind: LiteralKind.String } } => true,
        BinaryExpr { Operator: not BinaryOperator.Pipe } b => CannotFail(b.Left) && CannotFail(b.Right),
        CallExpr { Name: "not" or "empty", Arguments.Length: 0 } => true,
        CallExpr { Name: "select", Arguments: [var c] } => CannotFail(c),
        ArrayExpr a => a.Body is null || CannotFail(a.Body),
        _ => false,
    };

    private static Expr? TryParse(string text)
    {
        if (text.Length > MaxLength)
        {
            return null;
        }

        Expr? e = Parser.Parse(text, out _);
        return e is not null && Binder.Bind(text, e) is null ? e : null;
    }

    private static bool Exact(Expr e) => e switch
    {
        IdentityExpr => true,
        FieldExpr f => Exact(f.Target),
        IndexExpr { Key: LiteralExpr { Kind: LiteralKind.String } } i => Exact(i.Target),
        IndexExpr { Key: LiteralExpr { Kind: LiteralKind.Number } n } i => IsSmallInteger(n.Number) && Exact(i.Target),
        IndexExpr { Key: NegateExpr { Operand: LiteralExpr { Kind: LiteralKind.Number } n } } i => IsSmallInteger(n.Number) && Exact(i.Target),
        IterateExpr it => Exact(it.Target),
        LiteralExpr { Kind: LiteralKind.Number } n => n.Text.Length <= 15 && double.IsFinite(n.Number),
        LiteralExpr => true,
        BinaryExpr b => Exact(b.Left) && Exact(b.Right),
        NegateExpr n => Exact(n.Operand),
        ArrayExpr a => a.Body is null || Exact(a.Body),
        ObjectExpr o => o.Entries.All(entry => Exact(entry.Key) && Exact(entry.Value)),
        CallExpr { Name: "test" } => false,
        CallExpr { Name: "has", Arguments: [LiteralExpr { Kind: LiteralKind.Number } n] } => IsSmallInteger(n.Number),
        CallExpr { Name: "has", Arguments: [var k] } => k is LiteralExpr { Kind: LiteralKind.String },
        CallExpr c => c.Arguments.All(Exact),
        _ => false, // TryExpr: jq 1.6's (e)? also swallowed errors raised downstream; 1.7.1 does not
    };

    private static bool IsSmallInteger(double d) => d == Math.Floor(d) && Math.Abs(d) < int.MaxValue;
}
