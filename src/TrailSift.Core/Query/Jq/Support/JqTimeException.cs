namespace TrailSift.Core.Query.Jq.Support;

/// <summary>A jq date builtin failed; <see cref="Exception.Message"/> is jq 1.7.1's exact error text.</summary>
public sealed class JqTimeException(string message) : Exception(message);
