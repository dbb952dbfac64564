using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// The result of <see cref="PolicyEvaluator.Evaluate(PolicySet, RequestContext, bool)"/>: the decision, why,
/// and a trace of the statements whose action matched. When a deciding statement depends on a key the caller
/// marked unknown, <see cref="IsDecidable"/> is false, <see cref="PossibleDecisions"/> lists what the decision
/// could be, and <see cref="Decision"/> is the decision obtained by treating every undecidable statement as
/// not matching.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EvaluationResult
{
    internal EvaluationResult(Decision decision, ImmutableArray<Decision> possibleDecisions, DecisionReason reason,
        PolicyType? decidingPolicyType, int decidingLevel, int decidingPolicyIndex, ImmutableArray<string> unknownKeys,
        ImmutableArray<StatementTrace> trace, Decision? policyDecision = null, AwsRule? awsRule = null,
        ImmutableArray<string> notes = default)
    {
        PolicyDecision = policyDecision ?? decision;
        AwsRule = awsRule;
        Notes = notes.IsDefault ? [] : notes;
        Decision = decision;
        PossibleDecisions = possibleDecisions;
        Reason = reason;
        DecidingPolicyType = decidingPolicyType;
        DecidingLevel = decidingLevel;
        DecidingPolicyIndex = decidingPolicyIndex;
        UnknownKeys = unknownKeys;
        Trace = trace;
    }

    /// <summary>The decision (with undecidable statements treated as not matching).</summary>
    public Decision Decision { get; }

    /// <summary>True when unknown keys cannot change the decision.</summary>
    public bool IsDecidable => PossibleDecisions.Length == 1;

    /// <summary>Every decision the unknown keys could lead to (one element when decidable), in enum order.</summary>
    public ImmutableArray<Decision> PossibleDecisions { get; }

    /// <summary>Why the decision was reached.</summary>
    public DecisionReason Reason { get; }

    /// <summary>The policy type that decided: the explicit deny's, the failing guardrail's, or the granting one's.</summary>
    public PolicyType? DecidingPolicyType { get; }

    /// <summary>The SCP/RCP level that decided (0 = root), or -1.</summary>
    public int DecidingLevel { get; }

    /// <summary>Index of the deciding policy within its list or level, or -1 when a whole type decided.</summary>
    public int DecidingPolicyIndex { get; }

    /// <summary>Unknown keys of the statements that were undecidable, sorted case-insensitively (empty when none was).</summary>
    public ImmutableArray<string> UnknownKeys { get; }

    /// <summary>The decision the policies alone reached, before <see cref="AwsRule"/> overrode it (equal to
    /// <see cref="Decision"/> when no rule applied).</summary>
    public Decision PolicyDecision { get; }

    /// <summary>The AWS rule that decided (a protected entity or a call that needs no permission), or null.</summary>
    public AwsRule? AwsRule { get; }

    /// <summary>What the evaluation assumed or could not know, in words (for example a missing KMS key policy).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Statements whose action matched, in evaluation order (empty when tracing was off).</summary>
    public ImmutableArray<StatementTrace> Trace { get; }

    internal EvaluationResult With(Decision decision, ImmutableArray<Decision> possible, DecisionReason reason, AwsRule? rule,
        ImmutableArray<string> notes) =>
        new(decision, possible, reason, rule is null ? DecidingPolicyType : null, rule is null ? DecidingLevel : -1,
            rule is null ? DecidingPolicyIndex : -1, UnknownKeys, Trace, PolicyDecision, rule ?? AwsRule, notes);
}
