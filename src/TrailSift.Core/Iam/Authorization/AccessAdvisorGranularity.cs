namespace TrailSift.Core.Iam.Authorization;

/// <summary>The <c>JobType</c> of an Access Advisor report.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum AccessAdvisorGranularity
{
    /// <summary><c>SERVICE_LEVEL</c>: last access per service.</summary>
    ServiceLevel,

    /// <summary><c>ACTION_LEVEL</c>: also last access per tracked action (<c>TrackedActionsLastAccessed</c>).</summary>
    ActionLevel,
}
