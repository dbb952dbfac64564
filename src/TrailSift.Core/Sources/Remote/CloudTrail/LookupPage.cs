namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>One LookupEvents answer: the events' <c>CloudTrailEvent</c> documents (UTF-8, newest first, as the API orders them) and the token of the next page.</summary>
/// <param name="Events">The full events, newest first.</param>
/// <param name="NextToken">The token of the next page, or null on the last one.</param>
public sealed record LookupPage(IReadOnlyList<byte[]> Events, string? NextToken);
