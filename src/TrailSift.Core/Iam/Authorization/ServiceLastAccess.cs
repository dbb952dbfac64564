using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// One service of an Access Advisor report: its namespace (the IAM prefix), when it was last authenticated against
/// (an attempt, allowed or denied), by whom and where, and for action-level reports the tracked actions.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ServiceLastAccess
{
    /// <summary>The <c>ServiceNamespace</c>, an IAM prefix such as <c>s3</c>.</summary>
    public required string Namespace { get; init; }

    /// <summary>The <c>ServiceName</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>LastAuthenticated</c>, or null when the service was not accessed within the tracking period.</summary>
    public DateTimeOffset? LastAuthenticated { get; init; }

    /// <summary><c>LastAuthenticatedEntity</c>.</summary>
    public string? Entity { get; init; }

    /// <summary><c>LastAuthenticatedRegion</c>.</summary>
    public string? Region { get; init; }

    /// <summary>True when the report lists tracked actions for this service (action-level reports only).</summary>
    public bool HasTrackedActions { get; init; }

    /// <summary>The tracked actions (empty for service-level reports and for services without action tracking).</summary>
    public ImmutableArray<ActionLastAccess> TrackedActions { get; init; } = [];
}
