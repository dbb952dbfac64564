namespace TrailSift.Core.Analysis.Usage;

/// <summary>A statement of a principal's identity policies: the policy's index (in the effective policy list) and the statement's.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Policy">Index into <c>EffectivePolicies.Identity</c>.</param>
/// <param name="Statement">Index of the statement in that policy.</param>
public readonly record struct StatementRef(int Policy, int Statement);
