namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>An evaluation went over its <see cref="JqBudget"/>; it cannot be caught by <c>try</c>.</summary>
public sealed class JqBudgetExceededException(string message) : Exception(message);
