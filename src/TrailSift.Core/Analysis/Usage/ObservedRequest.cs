using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>One request a recorded call made that the current policies allow, kept to replay against the reduced policy.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Request">The request as the replay built it (values the event shows, other policy keys unknown).</param>
/// <param name="EventName">The call's <c>eventName</c>.</param>
/// <param name="EventId">The call's <c>eventID</c>.</param>
public sealed record ObservedRequest(RequestContext Request, string EventName, string EventId);
