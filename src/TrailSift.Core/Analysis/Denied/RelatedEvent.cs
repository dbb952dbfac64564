namespace TrailSift.Core.Analysis.Denied;

/// <summary>An event a hint refers to: when, which call, its id, and its part in the hint.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="EventTime">The event time, when known.</param>
/// <param name="EventName">The call (<c>CreateTags</c>).</param>
/// <param name="EventId">The event id.</param>
/// <param name="Role">Its part: <c>tagging</c>, <c>creation</c> or <c>success</c>.</param>
public sealed record RelatedEvent(DateTimeOffset? EventTime, string EventName, string EventId, string Role);
