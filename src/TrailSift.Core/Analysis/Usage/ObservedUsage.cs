using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>One principal's replayed calls: the permissions they needed, the allowed requests, and unmapped events.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ObservedUsage
{
    /// <summary>Permissions needed, sorted by action then resource.</summary>
    public ImmutableArray<PermissionUse> Uses { get; init; } = [];

    /// <summary>Every distinct request the current policies allow (with its number of calls), sorted by event id.</summary>
    public ImmutableArray<ObservedRequest> AllowedRequests { get; init; } = [];

    /// <summary>Calls no catalog action is known for, by event name: they cannot be judged.</summary>
    public ImmutableSortedDictionary<string, long> Unmapped { get; init; } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>Calls per action and allowing statement, counted once per call, sorted.</summary>
    public ImmutableArray<ActionCalls> ActionCalls { get; init; } = [];

    /// <summary>This principal's data events per service prefix: its data-plane calls are recorded for those services.</summary>
    public ImmutableSortedDictionary<string, long> DataEvents { get; init; } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>Mapped calls replayed.</summary>
    public long Calls { get; init; }
}
