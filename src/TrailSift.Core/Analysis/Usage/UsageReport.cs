using System.Collections.Immutable;
using TrailSift.Core.Common;

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

    /// <summary>How many principals <see cref="Render"/> analyses and renders at once (1: one after the other).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// Each principal and its index through <paramref name="render"/>, in order: up to <see cref="Parallelism"/> principals are analysed
    /// (when streamed) and rendered at once while the caller writes the ones before, and only a few are held at a time.
    /// </summary>
    public IEnumerable<T> Render<T>(Func<PrincipalUsage, int, T> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        IReadOnlyList<PrincipalUsage> principals = Principals;
        return OrderedParallel.Map(principals.Count, i => render(principals[i], i), Parallelism);
    }
}
