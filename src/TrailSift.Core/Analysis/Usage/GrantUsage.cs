using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The verdict on one action granted by one Allow statement: used (with counts, first and last call, resources),
/// unused, not visible or no data, and why in one line; with what Access Advisor adds, when a report was given.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record GrantUsage
{
    /// <summary>Index of the policy in the principal's effective identity policies.</summary>
    public required int PolicyIndex { get; init; }

    /// <summary>Where the policy comes from (<c>inline X</c>, <c>managed ARN (v2)</c>, <c>group G: inline Y</c>).</summary>
    public required string Policy { get; init; }

    /// <summary>Index of the statement in the policy.</summary>
    public required int StatementIndex { get; init; }

    /// <summary>The statement's <c>Sid</c>, or null.</summary>
    public string? Sid { get; init; }

    /// <summary>The granted action, as the catalog spells it (or as written when the catalog does not know it).</summary>
    public required string Action { get; init; }

    /// <summary>The verdict.</summary>
    public required UsageVerdict Verdict { get; init; }

    /// <summary>Why, in one line.</summary>
    public required string Reason { get; init; }

    /// <summary>How CloudTrail shows the action.</summary>
    public Visibility Visibility { get; init; }

    /// <summary>Calls this statement allowed for the action (decidably).</summary>
    public long Calls { get; init; }

    /// <summary>Further calls it may have allowed: their decision depends on keys the trail cannot show.</summary>
    public long UndecidableCalls { get; init; }

    /// <summary>Of <see cref="Calls"/>, calls the trail shows denied at the time (the policies were different then).</summary>
    public long DeniedAtTheTime { get; init; }

    /// <summary>True when every call only implied the permission (such as <c>iam:PassRole</c>).</summary>
    public bool Implied { get; init; }

    /// <summary>First call, UTC ticks (0 when none).</summary>
    public long FirstTicks { get; init; }

    /// <summary>Last call, UTC ticks (0 when none).</summary>
    public long LastTicks { get; init; }

    /// <summary>Resources of the calls, sorted.</summary>
    public ImmutableArray<string> Resources { get; init; } = [];

    /// <summary>Resource patterns of the statement that no call of this action used (empty for <c>*</c>).</summary>
    public ImmutableArray<string> UnusedResourcePatterns { get; init; } = [];

    /// <summary>True when the statement has conditions.</summary>
    public bool HasConditions { get; init; }

    /// <summary>A caveat to show with an <c>unused</c> verdict, or null.</summary>
    public string? Note { get; init; }

    /// <summary>What Access Advisor says about the action or its service, or null.</summary>
    public string? AccessAdvisor { get; init; }

    /// <summary>True when Access Advisor (not the trail) is the evidence of use.</summary>
    public bool UsedPerAccessAdvisor { get; init; }
}
