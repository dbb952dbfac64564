namespace TrailSift.Core.Analysis.Denied;

/// <summary>An <c>Allow</c> statement suggested as a fix: a deterministic <see cref="Sid"/>, actions and generalised resources.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PolicyStatementSuggestion
{
    /// <summary>The statement id, derived from the action (<c>AllowSqsCreateQueue</c>).</summary>
    public required string Sid { get; init; }

    /// <summary>The actions, catalog spelling.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>The resource patterns (exact ARNs, <c>prefix*</c> wildcards from the shared generaliser, or <c>*</c>), ordinal order.</summary>
    public required IReadOnlyList<string> Resources { get; init; }
}
