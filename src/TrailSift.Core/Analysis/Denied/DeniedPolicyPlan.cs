using TrailSift.Core.Analysis.Generation;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// What <c>denied --policy</c> can grant and why the rest is not granted: the evidence the <c>policy</c> generator
/// (<see cref="PolicyGenerator"/>) turns into documents — catalog-valid actions, ARNs never copied from message
/// prose — and an account of every denied call: grantable, refused by another policy type, unresolvable (with the
/// reason), or part of an enumeration (one principal denied on many services in a short time), which is never granted.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedPolicyPlan
{
    /// <summary>The grantable permissions, as the <c>policy</c> generator's input; no rows when nothing is grantable.</summary>
    public required PrincipalEvidence Evidence { get; init; }

    /// <summary>The principals whose denials the grantable permissions fix, ordinal order.</summary>
    public required IReadOnlyList<string> Principals { get; init; }

    /// <summary>Every denied call of the report.</summary>
    public long DeniedCalls { get; init; }

    /// <summary>Calls an identity-policy Allow fixes and the policy grants.</summary>
    public long GrantableCalls { get; init; }

    /// <summary>Calls refused by another policy type, or for an unknown reason: an identity Allow is not known to help.</summary>
    public long OtherPolicyCalls { get; init; }

    /// <summary>Calls an identity Allow would fix but that cannot be granted exactly, with the reason (ordered by calls, then reason).</summary>
    public required IReadOnlyList<DeniedPolicyGap> Unresolvable { get; init; }

    /// <summary>Principals whose denials look like enumeration; none of their denials is granted.</summary>
    public required IReadOnlyList<EnumerationFinding> Enumerations { get; init; }

    /// <summary>Calls of <see cref="Enumerations"/> left out of the policy.</summary>
    public long EnumerationCalls { get; init; }

    /// <summary>The number of unresolvable calls.</summary>
    public long UnresolvableCalls => Unresolvable.Sum(static g => g.Calls);

    /// <summary>True when there is something to grant.</summary>
    public bool HasGrants => !Evidence.Permissions.IsEmpty;

    /// <summary>The policy: the <c>policy</c> generator's documents for <see cref="Evidence"/> (merged statements, size split).</summary>
    public GeneratedPolicy Generate(PolicyGenerationOptions options) => PolicyGenerator.Generate(Evidence, new InputFacts(), options);
}
