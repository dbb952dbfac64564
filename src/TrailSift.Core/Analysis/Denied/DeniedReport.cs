namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// The result of <c>trailsift denied</c>: denied calls grouped by principal, action and resource with reason, fix
/// and hints; credential failures listed apart; the plan of one policy that fixes the implicit identity-policy
/// denials it can grant exactly. Built by <see cref="DeniedAnalyzer.BuildReport"/>; printers only render it.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedReport
{
    /// <summary>The groups, ordered by principal, then action, then resource (ordinal).</summary>
    public required IReadOnlyList<DeniedGroup> Groups { get; init; }

    /// <summary>Credential failures (expired or invalid tokens) when they were not included as denials.</summary>
    public required IReadOnlyList<AuthFailureGroup> AuthFailures { get; init; }

    /// <summary>True when credential failures were counted as denials (<c>--include-auth-failures</c>).</summary>
    public bool AuthFailuresIncluded { get; init; }

    /// <summary>The number of denied calls in <see cref="Groups"/> (the sum of their counts).</summary>
    public long DeniedCalls { get; init; }

    /// <summary>The number of distinct principals in <see cref="Groups"/>.</summary>
    public int Principals { get; init; }

    /// <summary>The number of credential failures in <see cref="AuthFailures"/>.</summary>
    public long AuthFailureCalls { get; init; }

    /// <summary>What <c>--policy</c> grants (through the <c>policy</c> generator) and why the other denials are not granted.</summary>
    public required DeniedPolicyPlan Policy { get; init; }
}
