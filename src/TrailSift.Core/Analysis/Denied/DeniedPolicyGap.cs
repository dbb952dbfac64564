namespace TrailSift.Core.Analysis.Denied;

/// <summary>Denied calls an identity Allow would fix but <c>denied --policy</c> cannot grant exactly: why, how many, which actions.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedPolicyGap
{
    /// <summary>Why (<c>action not in the IAM catalog</c>, <c>resource named in prose, no ARN</c>, …).</summary>
    public required string Reason { get; init; }

    /// <summary>The calls.</summary>
    public long Calls { get; init; }

    /// <summary>The actions (or message text) concerned, ordinal order, at most a few.</summary>
    public required IReadOnlyList<string> Examples { get; init; }
}
