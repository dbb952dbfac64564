using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>The result of <c>trailsift unused</c>: what the input covers, and per principal the verdicts and reduced policy.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record UsageReport
{
    /// <summary>What the input covers.</summary>
    public required InputCoverage Coverage { get; init; }

    /// <summary>
    /// The principals, in the order asked. From <see cref="UsageAnalysis.Stream"/> they are analysed as they are enumerated
    /// and not kept: enumerate once (an index analyses that principal again).
    /// </summary>
    public IReadOnlyList<PrincipalUsage> Principals { get; init; } = [];

    /// <summary>The principals' ARNs, same order (known without analysing them).</summary>
    public ImmutableArray<string> Arns { get; init; } = [];

    /// <summary>Problems with the authorization details and Access Advisor files, one line each.</summary>
    public ImmutableArray<string> Diagnostics { get; init; } = [];
}
