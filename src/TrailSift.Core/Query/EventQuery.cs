using TrailSift.Core.Events;
using TrailSift.Core.Query.Evaluation;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Query;

/*! Query: the jq-compatible filter language that selects events. Stages: Syntax/ (Lexer, Parser with
    one precedence table, AST that prints back to source) -> Binder (builtins, literal regexes) ->
    Evaluation/ (Compiler to small node objects evaluated in place on EventRecord values, and a sound
    raw-bytes Prefilter). Semantics are written down in docs/query-language.md. May depend on Events and
    the BCL only; Shortcuts/ builds on this folder. */

/// <summary>
/// A parsed, bound filter. A record is selected when the filter, run by jq on that record, raises no
/// error and has at least one truthy output; the leading <c>.Records[] |</c> (or <c>.[] |</c>) of a filter
/// written for whole log files is removed, since TrailSift feeds the filter one event at a time.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class EventQuery
{
    private EventQuery(string text, Expr expression, Expr? condition)
    {
        Text = text;
        Expression = expression;
        Condition = condition;
    }

    /// <summary>A query that selects every event.</summary>
    public static EventQuery All { get; } = new(string.Empty, new IdentityExpr(), null);

    /// <summary>The filter text as given.</summary>
    public string Text { get; }

    /// <summary>The whole parsed filter.</summary>
    public Expr Expression { get; }

    /// <summary>What is tested on each event: <see cref="Expression"/> without its file prefix; null when every event matches.</summary>
    public Expr? Condition { get; }

    /// <summary>True when the query selects every event (an empty filter, <c>.</c>, <c>.Records[]</c>).</summary>
    public bool MatchesAll => Condition is null;

    /// <summary>Parses and binds a filter. Never throws for bad input: the result carries the error.</summary>
    public static QueryParseResult Parse(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Expr? expr = Parser.Parse(filter, out QueryError? error);
        if (expr is null)
        {
            return QueryParseResult.Fail(error!);
        }

        if (Binder.Bind(filter, expr) is QueryError bindError)
        {
            return QueryParseResult.Fail(bindError);
        }

        Expr condition = FilePrefix.Remove(expr);
        return QueryParseResult.Ok(new EventQuery(filter, expr, condition is IdentityExpr ? null : condition));
    }

    /// <summary>Builds a query from a tree (for shortcut options); the tree is bound like parsed text.</summary>
    public static QueryParseResult FromExpression(Expr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        string text = expression.ToString();
        return Parse(text);
    }

    /// <summary>Selects events both queries select, as <c>select(a) | select(b)</c>.</summary>
    public EventQuery And(EventQuery other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Condition is null)
        {
            return this;
        }

        if (Condition is null)
        {
            return other;
        }

        var both = new BinaryExpr(BinaryOperator.Pipe, AsSelect(Condition), AsSelect(other.Condition));
        return new EventQuery(both.ToString(), both, both);
    }

    // A chain of selects already passes its input through unchanged; anything else is wrapped.
    private static Expr AsSelect(Expr condition) => IsSelectChain(condition) ? condition : new CallExpr("select", [condition]);

    private static bool IsSelectChain(Expr e) => e switch
    {
        CallExpr { Name: "select", Arguments.Length: 1 } => true,
        BinaryExpr { Operator: BinaryOperator.Pipe } p => IsSelectChain(p.Left) && IsSelectChain(p.Right),
        _ => false,
    };

    /// <summary>Compiles a query into a predicate that is safe to share between scan workers.</summary>
    public static IEventPredicate Compile(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Condition is null)
        {
            return AllOfPredicate.MatchAll;
        }

        return new FilterPredicate(Compiler.Compile(query.Condition), Prefilter.For(query.Condition));
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private sealed class FilterPredicate(QNode root, Prefilter? prefilter) : IEventPredicate
    {
        public bool Matches(EventRecord record)
        {
            try
            {
                return root.Test(Value.FromNode(record.Root)) == Truth.True;
            }
            catch (Jq.Runtime.JqBudgetExceededException e)
            {
                throw Running.EventValues.Problem(record, e);
            }
        }

        public bool MayMatch(ReadOnlySpan<byte> utf8) => prefilter is null || prefilter.MayMatch(utf8);

        public bool HasPrefilter => prefilter is not null;
    }
}
