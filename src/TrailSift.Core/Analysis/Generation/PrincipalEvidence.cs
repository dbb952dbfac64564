using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// Everything one principal was seen doing: the permissions behind its calls with their evidence, the calls that
/// could not be mapped, and counts of calls that were skipped or left out.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PrincipalEvidence
{
    /// <summary>The principal a policy is written for (a role ARN for sessions, otherwise the caller's ARN).</summary>
    public required string Principal { get; init; }

    /// <summary>Permission evidence, sorted by action, then resource, then resource type.</summary>
    public ImmutableArray<PermissionEvidence> Permissions { get; init; } = [];

    /// <summary>Unmapped calls, sorted by event source, then name.</summary>
    public ImmutableArray<UnmappedCall> Unmapped { get; init; } = [];

    /// <summary>
    /// Calls left out because they failed validation (<c>ValidationException</c>, <c>InvalidParameter…</c>): whether
    /// they passed authorisation is unknown. Empty with <c>--include-unverified</c>, which includes them flagged.
    /// </summary>
    public ImmutableArray<UnmappedCall> Unverified { get; init; } = [];

    /// <summary>
    /// The resources principals of the input created, by ARN (every principal's, so that one principal's calls on
    /// another's resources of the same run are recognised); empty when nothing was created.
    /// </summary>
    public ImmutableDictionary<string, WorkloadResource> Created { get; init; } = ImmutableDictionary<string, WorkloadResource>.Empty;

    /// <summary>Calls seen (every kind, including left-out denials and authentication failures).</summary>
    public long Calls { get; init; }

    /// <summary>Calls that passed the permission check and mapped or did not map.</summary>
    public long AllowedCalls { get; init; }

    /// <summary>Denied calls whose permissions are included.</summary>
    public long DeniedCalls { get; init; }

    /// <summary>Denied calls left out (<c>--exclude-denied</c>).</summary>
    public long ExcludedDeniedCalls { get; init; }

    /// <summary>Calls that need no permission or are not API calls.</summary>
    public long NoPermissionCalls { get; init; }

    /// <summary>Calls that failed authentication (bad or expired credentials): they say nothing about policy.</summary>
    public long AuthenticationFailures { get; init; }

    /// <summary>Data events among this principal's calls.</summary>
    public long DataEvents { get; init; }

    /// <summary>Time of the first call (UTC ticks; 0 when none).</summary>
    public long FirstTicks { get; init; }

    /// <summary>Time of the last call (UTC ticks; 0 when none).</summary>
    public long LastTicks { get; init; }

    /// <summary>Mapped calls (allowed or denied, included).</summary>
    public long MappedCalls { get; init; }
}
