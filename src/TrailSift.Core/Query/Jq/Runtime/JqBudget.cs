namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>Limits that end a runaway evaluation with an error: evaluation steps and managed heap size.</summary>
public sealed record JqBudget
{
    /// <summary>The default: 2^32 steps, 4 GiB of managed heap.</summary>
    public static readonly JqBudget Default = new();

    /// <summary>Maximum evaluation steps per program run (one step per filter evaluated); 0 means unlimited.</summary>
    public long MaxSteps { get; init; } = 1L << 32;

    /// <summary>Maximum managed heap in bytes, checked every few thousand steps; 0 means unlimited.</summary>
    public long MaxMemoryBytes { get; init; } = 4L << 30;
}
