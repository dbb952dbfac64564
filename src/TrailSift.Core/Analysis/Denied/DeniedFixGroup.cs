using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>The groups of one principal, action and reason that share one fix: several resources, one thing to change.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedFixGroup
{
    /// <summary>The principal.</summary>
    public required string Principal { get; init; }

    /// <summary>The action, or null when unknown.</summary>
    public string? Action { get; init; }

    /// <summary>Why the calls were refused.</summary>
    public DeniedReason Reason { get; init; }

    /// <summary>The shared fix.</summary>
    public required DeniedFix Fix { get; init; }

    /// <summary>The resources of the merged groups, ordinal order.</summary>
    public required IReadOnlyList<string> Resources { get; init; }

    /// <summary>Denied calls.</summary>
    public long Calls { get; init; }

    /// <summary>Groups merged.</summary>
    public int Groups { get; init; }
}
