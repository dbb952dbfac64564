using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>One principal's replayed calls: the permissions they needed, the allowed requests, and unmapped events.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ObservedUsage
{
    /// <summary>Permissions needed, sorted by action then resource.</summary>
    public ImmutableArray<PermissionUse> Uses { get; init; } = [];

    /// <summary>Every request the current policies allow, sorted by event id.</summary>
    public ImmutableArray<ObservedRequest> AllowedRequests { get; init; } = [];

    /// <summary>Calls no catalog action is known for, by event name: they cannot be judged.</summary>
    public ImmutableSortedDictionary<string, long> Unmapped { get; init; } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>Mapped calls replayed.</summary>
    public long Calls { get; init; }
}
