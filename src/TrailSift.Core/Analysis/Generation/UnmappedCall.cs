namespace TrailSift.Core.Analysis.Generation;

/// <summary>Calls of one <c>(eventSource, eventName)</c> for which no IAM permission is known: listed, never dropped silently.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="EventSource">The event source host.</param>
/// <param name="EventName">The event name.</param>
/// <param name="Calls">How many calls.</param>
/// <param name="Denied">Of those, how many were denied.</param>
public sealed record UnmappedCall(string EventSource, string EventName, long Calls, long Denied);
