namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// One principal denied on many services within a short time: the pattern of stolen credentials being tried
/// (incident enumeration), not of a workload missing a permission. <c>denied --policy</c> grants none of it.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record EnumerationFinding
{
    /// <summary>At least this many distinct services denied within <see cref="Window"/> makes an enumeration.</summary>
    public const int MinServices = 8;

    /// <summary>At least this many distinct actions denied within <see cref="Window"/> makes an enumeration.</summary>
    public const int MinActions = 20;

    /// <summary>The time window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>The principal.</summary>
    public required string Principal { get; init; }

    /// <summary>Distinct services the principal was denied on (whole input).</summary>
    public int Services { get; init; }

    /// <summary>Distinct actions the principal was denied (whole input).</summary>
    public int Actions { get; init; }

    /// <summary>Denied calls of the principal.</summary>
    public long Calls { get; init; }

    /// <summary>The most services denied within one <see cref="Window"/>.</summary>
    public int ServicesInWindow { get; init; }

    /// <summary>The first denial.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>The last denial.</summary>
    public DateTimeOffset? LastSeen { get; init; }
}
