namespace TrailSift.Core.Analysis.Denied;

/// <summary>The fixed note sentences the denied analysis adds to groups and fixes (besides the message parser's).</summary>
/// <remarks>Constants only; thread-safe.</remarks>
public static class DeniedNotes
{
    public const string ActionDerived = "the message names no action: it was derived from the event (eventSource and eventName) through the IAM knowledge mapping";
    public const string ResourceDerived = "the message names no resource: it was derived from the event through the IAM knowledge mapping";
    public const string ActionUnknown = "the message names no action and the event name is not a catalog action (the IAM event mapping will cover more events)";
    public const string AuthFailure = "a credential failure (expired or invalid token), not a permission problem";
    public const string ResourceUnknown = "the resource is not known: narrow \"*\" to the resources the call uses";
    public const string MappingPending = "the IAM event mapping found no other resources for these events";
    public const string MappedResources = "the message names only the resource refused; the other resources of the call come from the IAM event mapping";
    public const string MappedResourcesTruncated = "the calls named more than 32 other resources of this action: only the first 32 in order are listed, and denied --policy grants none of them (a partial list would not let the next run pass)";
    public const string ImpliedPrefix = "also needed, not logged by CloudTrail: ";
}
