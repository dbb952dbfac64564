using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>
/// A statement prepared for fast matching: action patterns with their malformed entries flagged, resource
/// patterns pre-split into ARN segments (or variable templates), principals and compiled conditions.
/// Immutable; thread-safe.
/// </summary>
internal sealed partial class CompiledStatement
{
    private readonly string[] _actions;
    private readonly bool[] _actionMalformed;
    private readonly bool _notAction;
    private readonly bool _hasAction;
    private readonly ResourcePattern[] _resources;
    private readonly bool _notResource;
    private readonly bool _hasResource;
    private readonly CompiledCondition[] _conditions;

    public CompiledStatement(Statement source, int index, bool variables)
    {
        Source = source;
        Index = index;
        PolicyValueList? actions = source.Action ?? source.NotAction;
        _hasAction = actions is not null;
        _notAction = source.Action is null && source.NotAction is not null;
        _actions = actions is null ? [] : [.. actions.Values];
        _actionMalformed = new bool[_actions.Length];
        for (int i = 0; i < _actions.Length; i++)
        {
            _actionMalformed[i] = IsMalformedAction(_actions[i]);
        }

        PolicyValueList? resources = source.Resource ?? source.NotResource;
        _hasResource = resources is not null;
        _notResource = source.Resource is null && source.NotResource is not null;
        _resources = new ResourcePattern[resources?.Values.Length ?? 0];
        for (int i = 0; i < _resources.Length; i++)
        {
            _resources[i] = new ResourcePattern(resources!.Values[i], variables);
        }

        _conditions = new CompiledCondition[source.Conditions.Length];
        for (int i = 0; i < _conditions.Length; i++)
        {
            _conditions[i] = new CompiledCondition(source.Conditions[i], variables);
        }
    }

    public Statement Source { get; }

    public int Index { get; }

    public Effect Effect => Source.Effect;

    /// <summary>Action or NotAction against the request action (case-insensitive wildcards).</summary>
    public bool MatchesAction(RequestContext context) => MatchesAction(context.Action, context.ActionIsPattern);

    /// <summary>As <see cref="MatchesAction(RequestContext)"/> for <paramref name="action"/>.</summary>
    public bool MatchesAction(string action, bool actionIsPattern)
    {
        if (!_hasAction)
        {
            return false;
        }

        bool listed = false;
        for (int i = 0; i < _actions.Length; i++)
        {
            if (!_actionMalformed[i] && WildcardMatch.IsMatch(_actions[i], action, ignoreCase: true, actionIsPattern))
            {
                listed = true;
                break;
            }
        }

        return listed != _notAction;
    }

    /// <summary>
    /// Resource or NotResource against the request resource; a statement with neither (a trust policy) matches.
    /// For a request pattern the question depends on the effect and on <see cref="RequestContext.ResourceMatch"/>:
    /// with <c>every</c> an Allow must apply to every resource of the pattern and a Deny applies when it applies
    /// to some; with <c>any</c> an Allow applies when it applies to some and a Deny must apply to all.
    /// </summary>
    public Tri MatchesResource(EvaluationState state)
    {
        if (!_hasResource)
        {
            return Tri.True;
        }

        RequestContext context = state.Context;
        bool toAll = !context.ResourceIsPattern || ((Effect == Effect.Allow) == (context.ResourceMatch == ResourceMatchMode.Every));

        // Applies to all: a listed entry covers the pattern (Resource), or no excluded entry touches it (NotResource).
        // Applies to some: a listed entry touches the pattern (Resource), or no excluded entry covers it (NotResource).
        bool intersect = toAll == _notResource;
        Tri listed = Tri.False;
        for (int i = 0; i < _resources.Length && listed != Tri.True; i++)
        {
            listed = TriLogic.Or(listed, _resources[i].Matches(state, intersect && context.ResourceIsPattern));
        }

        return _notResource ? TriLogic.Not(listed) : listed;
    }

    /// <summary>The Resource or NotResource entries (empty for a statement with neither).</summary>
    public ReadOnlySpan<ResourcePattern> Resources => _resources;

    /// <summary>ANDs the conditions; with tracing on, every condition is evaluated so the trace lists all failures.</summary>
    public Tri MatchesConditions(EvaluationState state)
    {
        Tri result = Tri.True;
        for (int i = 0; i < _conditions.Length; i++)
        {
            result = TriLogic.And(result, _conditions[i].Evaluate(state));
            if (result == Tri.False && !state.Tracing)
            {
                return Tri.False;
            }
        }

        return result;
    }

    /// <summary>Malformed action entries never match (but count as "not listed" for NotAction): iam-eval.md §4.</summary>
    private static bool IsMalformedAction(string action)
    {
        if (action == "*")
        {
            return false;
        }

        int colon = action.IndexOf(':');
        return colon <= 0 || colon == action.Length - 1 || action.Contains(',')
            || action.Length != action.Trim().Length;
    }
}
