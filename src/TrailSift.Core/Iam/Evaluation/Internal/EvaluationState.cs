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

    public EvaluationState(RequestContext context, bool tracing)
    {
        Context = context;
        Tracing = tracing;
    }

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

    /// <summary>Unknown keys that some evaluated condition, variable or resource depended on.</summary>
    public SortedSet<string>? UnknownKeys { get; private set; }

    public void NoteUnknown(string key)
    {
        UnknownKeys ??= new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        UnknownKeys.Add(key);
        if (Tracing)
        {
            AddDistinct(_statementUnknown ??= [], key);
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

    /// <summary>Starts collecting details for a new statement.</summary>
    public void BeginStatement()
    {
        _conditions?.Clear();
        _statementMissing?.Clear();
        _statementUnknown?.Clear();
    }

    public void EndStatement(StatementTrace trace)
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
