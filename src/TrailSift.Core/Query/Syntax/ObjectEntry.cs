namespace TrailSift.Core.Query.Syntax;

/// <summary>One <c>key: value</c> pair of an <see cref="ObjectExpr"/>.</summary>
/// <param name="Key">A string literal, or any expression (written in parentheses) whose outputs are strings.</param>
/// <param name="Value">The value expression.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ObjectEntry(Expr Key, Expr Value);
