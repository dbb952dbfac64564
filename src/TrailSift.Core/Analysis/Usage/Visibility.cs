namespace TrailSift.Core.Analysis.Usage;

/// <summary>How CloudTrail shows an action.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum Visibility
{
    /// <summary>A management event: every trail records it.</summary>
    Management,

    /// <summary>A data event: recorded only when the trail selects data events for the resource.</summary>
    DataEvent,

    /// <summary>Never an event of its own (<c>iam:PassRole</c>, <c>execute-api:Invoke</c>); seen only through implying calls.</summary>
    NeverLogged,

    /// <summary>
    /// A service with no known CloudTrail event source (<see cref="CloudTrailServices"/>): its calls may not be recorded at
    /// all, unless the input shows events of the service.
    /// </summary>
    Unrecorded,
}
