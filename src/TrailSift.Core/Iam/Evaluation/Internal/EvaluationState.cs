using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>
/// Per-evaluation scratch: the request, the trace being built, and the unknown and missing keys seen.
/// Owned by one <see cref="PolicyEvaluator.Evaluate(PolicySet, RequestContext, bool)"/> call; not thread-safe.
/// </summary>
internal sealed class EvaluationState
{
    private List<ConditionTrace>? _conditions;
    private List<string>? _statementMissing;
    private List<string>? _statementUnknown;

    public EvaluationState(RequestContext context, bool tracing, bool callerHasBoundary)
    {
        Context = context;
        Tracing = tracing;
        CallerHasBoundary = callerHasBoundary;
    }

    /// <summary>True when the caller has a permissions boundary (it changes how NotPrincipal with Deny behaves).</summary>
    public bool CallerHasBoundary { get; }

    public RequestContext Context { get; }

    public bool Tracing { get; }

    public List<StatementTrace>? Trace { get; private set; }

    /// <summary>Whether some Deny statement applies.</summary>
    public Tri Deny { get; private set; }

    /// <summary>The first policy with a Deny that surely applies.</summary>
    public CompiledPolicy? DenyingPolicy { get; private set; }

    public void NoteDeny(Tri applies, CompiledPolicy policy)
    {
        Deny = TriLogic.Or(Deny, applies);
        if (applies == Tri.True)
        {
            DenyingPolicy ??= policy;
        }
    }

    /// <summary>Unknown keys that made some statement undecidable.</summary>
    public SortedSet<string>? UnknownKeys { get; private set; }

    /// <summary>Notes an unknown key read by the current statement (kept only if the statement ends undecidable).</summary>
    public void NoteUnknown(string key) => AddDistinct(_statementUnknown ??= [], key);

    /// <summary>Starts a statement: forgets the previous statement's unknown keys, and its details when tracing.</summary>
    public void BeginStatement()
    {
        _statementUnknown?.Clear();
        if (Tracing)
        {
            _conditions?.Clear();
            _statementMissing?.Clear();
        }
    }

    /// <summary>Ends a statement; an undecidable one contributes its unknown keys to the result.</summary>
    public void EndStatement(Tri applies)
    {
        if (applies == Tri.Unknown && _statementUnknown is { Count: > 0 })
        {
            UnknownKeys ??= new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            UnknownKeys.UnionWith(_statementUnknown);
        }
    }

    public void NoteMissing(string key)
    {
        if (Tracing)
        {
            AddDistinct(_statementMissing ??= [], key);
        }
    }

    public void AddConditionTrace(ConditionTrace trace) => (_conditions ??= []).Add(trace);

    public void AddTrace(StatementTrace trace)
    {
        (Trace ??= []).Add(trace with
        {
            FailedConditions = _conditions is { Count: > 0 } ? [.. _conditions] : [],
            MissingKeys = _statementMissing is { Count: > 0 } ? [.. _statementMissing] : [],
            UnknownKeys = _statementUnknown is { Count: > 0 } ? [.. _statementUnknown] : [],
        });
    }

    public ImmutableArray<StatementTrace> TraceOrEmpty() => Trace is null ? [] : [.. Trace];

    private static void AddDistinct(List<string> list, string key)
    {
        foreach (string existing in list)
        {
            if (string.Equals(existing, key, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        list.Add(key);
    }
}
