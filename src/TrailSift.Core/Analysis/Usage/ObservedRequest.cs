using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// One distinct request that recorded calls made and the current policies allow, kept to replay against the reduced
/// policy. Calls whose requests agree on the action, the resource, the accounts and every context key the principal's
/// policies read are one request with a <see cref="Count"/>: no policy built from those policies can tell them apart.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Request">The request as the replay built it (values the event shows, other policy keys unknown).</param>
/// <param name="EventName">The <c>eventName</c> of the first call (by event id) that made it.</param>
/// <param name="EventId">That call's <c>eventID</c>.</param>
/// <param name="Count">How many calls made this request.</param>
public sealed record ObservedRequest(RequestContext Request, string EventName, string EventId, long Count = 1);
