using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The reduced policy's own check: every request the current policies allowed, replayed against the reduced policy
/// (with the same permissions boundary) through the evaluator.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ReplayVerification
{
    /// <summary>Requests the current policies allowed.</summary>
    public long Requests { get; init; }

    /// <summary>Of those, requests the reduced policy allows too.</summary>
    public long StillAllowed { get; init; }

    /// <summary>Requests it no longer allows, one line each (<c>eventName: action on resource (decision)</c>), sorted.</summary>
    public ImmutableArray<string> Lost { get; init; } = [];

    /// <summary>True when every allowed request is still allowed.</summary>
    public bool Passed => StillAllowed == Requests;
}
