using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// A principal's effective identity policies as the authorization details show them: its inline and attached
/// managed policies, for a user also its groups' inline and managed policies, and its permissions boundary.
/// Managed policies the input references but does not hold (often AWS-managed ones) are listed as unknown, never
/// treated as empty: the set is then incomplete and <see cref="IsComplete"/> is false.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record EffectivePolicies
{
    /// <summary>The user or role.</summary>
    public required IamEntity Principal { get; init; }

    /// <summary>The identity policies, in order: the principal's inline, its managed, then per group inline and managed.</summary>
    public ImmutableArray<GrantedPolicy> Identity { get; init; } = [];

    /// <summary>The permissions boundary, or null when the principal has none or its policy is unknown.</summary>
    public GrantedPolicy? Boundary { get; init; }

    /// <summary>Policies referenced but absent from the input, one line each (<c>ARN (attached to group devs)</c>).</summary>
    public ImmutableArray<string> Unknown { get; init; } = [];

    /// <summary>True when the permissions boundary is set but its policy is not in the input.</summary>
    public bool BoundaryUnknown { get; init; }

    /// <summary>True when every referenced policy was in the input.</summary>
    public bool IsComplete => Unknown.IsEmpty && !BoundaryUnknown;

    /// <summary>
    /// The policy set the evaluator takes: the identity documents in <see cref="Identity"/> order (so a trace's
    /// policy index is an index into <see cref="Identity"/>) and the boundary.
    /// </summary>
    public PolicySet ToPolicySet() => new(
        identityPolicies: Identity.Select(static p => p.Document),
        permissionBoundaries: Boundary is null ? null : [Boundary.Document]);
}
