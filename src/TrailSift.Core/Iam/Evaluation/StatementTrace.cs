using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// The evaluation of one statement whose <c>Action</c>/<c>NotAction</c> matched the request (statements for
/// other actions are left out of the trace): whether it applied, and if not, which element failed and which
/// conditions failed or were undecidable.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StatementTrace
{
    /// <summary>The kind of policy.</summary>
    public required PolicyType PolicyType { get; init; }

    /// <summary>Organisation level for SCPs and RCPs (0 = root), otherwise -1.</summary>
    public int Level { get; init; } = -1;

    /// <summary>Index of the policy within its list (or within its level).</summary>
    public required int PolicyIndex { get; init; }

    /// <summary>Index of the statement within the policy.</summary>
    public required int StatementIndex { get; init; }

    /// <summary>The statement's <c>Sid</c>, or null.</summary>
    public string? Sid { get; init; }

    /// <summary>The statement's effect.</summary>
    public required Effect Effect { get; init; }

    /// <summary>Whether the statement applied.</summary>
    public required MatchOutcome Outcome { get; init; }

    /// <summary>The first element that did not match (None when matched).</summary>
    public StatementElement FailedElement { get; init; }

    /// <summary>How the caller was named, for resource-based policies and RCPs.</summary>
    public PrincipalMatchKind PrincipalMatch { get; init; }

    /// <summary>Conditions that did not match or were undecidable.</summary>
    public ImmutableArray<ConditionTrace> FailedConditions { get; init; } = [];

    /// <summary>Condition keys the statement read that the request does not have.</summary>
    public ImmutableArray<string> MissingKeys { get; init; } = [];

    /// <summary>Unknown keys the statement read.</summary>
    public ImmutableArray<string> UnknownKeys { get; init; } = [];
}
