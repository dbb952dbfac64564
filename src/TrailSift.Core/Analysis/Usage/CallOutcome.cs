using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>The parts of an evaluation the usage records read: the decision and the identity Allow statements that granted it.</summary>
/// <remarks>Immutable; thread-safe. One instance stands for every request of a class (<see cref="RequestJudge"/>).</remarks>
internal sealed class CallOutcome
{
    /// <summary>Statements by position: policy, then statement.</summary>
    public static readonly Comparer<StatementRef> ByPosition = Comparer<StatementRef>.Create(static (a, b) =>
        a.Policy != b.Policy ? a.Policy.CompareTo(b.Policy) : a.Statement.CompareTo(b.Statement));

    /// <summary>What <paramref name="result"/> (evaluated with a trace) says.</summary>
    public CallOutcome(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        IsAllowed = result.IsDecidable && result.Decision == Decision.Allowed;
        CanAllow = result.PossibleDecisions.Contains(Decision.Allowed);
        Decision = result.IsDecidable ? result.Decision : Decision.ImplicitlyDenied;
        Undecidable = !result.IsDecidable;
        var matched = new SortedSet<StatementRef>(ByPosition);
        var maybe = new SortedSet<StatementRef>(ByPosition);
        foreach (StatementTrace trace in result.Trace)
        {
            if (IsAllowingIdentityStatement(trace))
            {
                (trace.Outcome == MatchOutcome.Matched ? matched : maybe).Add(new StatementRef(trace.PolicyIndex, trace.StatementIndex));
            }
        }

        Matched = [.. matched];
        Maybe = [.. maybe];
    }

    /// <summary>Decidably allowed.</summary>
    public bool IsAllowed { get; }

    /// <summary>Allowed is one of the possible decisions.</summary>
    public bool CanAllow { get; }

    /// <summary>The decision, an undecidable one counting as implicitly denied.</summary>
    public Decision Decision { get; }

    /// <summary>Unknown keys could change the decision.</summary>
    public bool Undecidable { get; }

    /// <summary>Identity Allow statements that matched, by position.</summary>
    public StatementRef[] Matched { get; }

    /// <summary>Identity Allow statements that only may have (a condition read an unknown key), by position.</summary>
    public StatementRef[] Maybe { get; }

    /// <summary>An identity-policy Allow statement that applied (or may have: undecidable).</summary>
    public static bool IsAllowingIdentityStatement(StatementTrace trace) =>
        trace.PolicyType == PolicyType.IdentityPolicy && trace.Effect == Effect.Allow
        && trace.Outcome is MatchOutcome.Matched or MatchOutcome.Undecidable;
}
