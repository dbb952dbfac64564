using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>One statement of the reduced policy, with why it is there and which current statement it narrows.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Statement">The statement.</param>
/// <param name="Kind">Why it is there.</param>
/// <param name="Origin">The current statement it comes from (<c>inline X, statement 2 (Sid)</c>).</param>
public sealed record ReducedStatement(Statement Statement, ReducedStatementKind Kind, string Origin);
