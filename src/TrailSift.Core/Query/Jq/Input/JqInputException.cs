namespace TrailSift.Core.Query.Jq.Input;

/// <summary>An input text is not valid JSON; the message is jq-style (<c>reason at line L, column C</c>).</summary>
public sealed class JqInputException(string message) : Exception(message);
