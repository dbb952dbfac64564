using System.Collections.Immutable;
using TrailSift.Core.Iam.Authorization;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>The answer for one principal: its policies, the verdict on every granted action, the calls its current
/// policies would not allow, and the verified reduced policy.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PrincipalUsage
{
    /// <summary>The principal's effective policies.</summary>
    public required EffectivePolicies Policies { get; init; }

    /// <summary>The verdicts, in policy, statement, then action order.</summary>
    public ImmutableArray<GrantUsage> Grants { get; init; } = [];

    /// <summary>Permissions the calls needed that the current policies do not allow (or only undecidably).</summary>
    public ImmutableArray<PermissionUse> NotAllowedNow { get; init; } = [];

    /// <summary>Calls replayed (mapped, by this principal).</summary>
    public long Calls { get; init; }

    /// <summary>Calls no permission mapping is known for, by event name.</summary>
    public ImmutableSortedDictionary<string, long> Unmapped { get; init; } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>The Access Advisor file used, or null.</summary>
    public string? AccessAdvisorSource { get; init; }

    /// <summary>The reduced policy.</summary>
    public required ReducedPolicy Reduced { get; init; }

    /// <summary>Verdict counts in enum order: used, unused, not visible, no data.</summary>
    public ImmutableArray<int> Counts => [.. Enum.GetValues<UsageVerdict>().Select(v => Grants.Count(g => g.Verdict == v))];
}
