namespace TrailSift.Testing.Aws;

/// <summary>One CloudTrail event the loopback trail holds: the event's JSON and what LookupEvents filters and answers on.</summary>
/// <param name="EventId">The event id.</param>
/// <param name="Time">The event time (whole seconds, as CloudTrail writes it).</param>
/// <param name="Region">The region the event belongs to.</param>
/// <param name="EventSource">The service (<c>sts.amazonaws.com</c>).</param>
/// <param name="EventName">The operation.</param>
/// <param name="Identity">The caller.</param>
/// <param name="ReadOnly">The event's readOnly flag.</param>
/// <param name="Management">False for data events (LookupEvents never returns them).</param>
/// <param name="Json">The full event (LookupEvents' <c>CloudTrailEvent</c> string).</param>
public sealed record LoopbackEvent(string EventId, DateTimeOffset Time, string Region, string EventSource, string EventName, LoopbackIdentity Identity,
    bool ReadOnly, bool Management, string Json);
