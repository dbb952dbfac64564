namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>One LookupEvents query: a region, a closed time window and at most one attribute. Every page of it is asked with exactly these parameters.</summary>
/// <param name="Region">The region whose event history is read.</param>
/// <param name="Start">Events at or after this time.</param>
/// <param name="End">Events at or before this time (always sent: without it the service takes "now" per request and pages would differ).</param>
/// <param name="Attribute">The server-side filter, or null for the window alone.</param>
public sealed record LookupRequest(string Region, DateTimeOffset Start, DateTimeOffset End, LookupAttribute? Attribute)
{
    /// <summary>Events per page (the API's maximum).</summary>
    public const int PageSize = 50;

    /// <summary>How far back the event history goes.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(90);
}
