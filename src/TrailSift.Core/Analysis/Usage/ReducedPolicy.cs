using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// A replacement for a principal's identity policies: allows every observed call the current policies allowed and
/// nothing outside today's grants, keeps what CloudTrail cannot show (flagged), keeps Deny statements, and says
/// whether its replay passed.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ReducedPolicy
{
    /// <summary>The document.</summary>
    public required PolicyDocument Document { get; init; }

    /// <summary>Its statements with why each is there, in document order.</summary>
    public ImmutableArray<ReducedStatement> Statements { get; init; } = [];

    /// <summary>The replay of the allowed calls against it.</summary>
    public required ReplayVerification Verification { get; init; }

    /// <summary>Size in characters without whitespace (IAM's measure; 6,144 for a managed policy).</summary>
    public int Size { get; init; }

    /// <summary>Things to know before deploying it, one line each.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
}
