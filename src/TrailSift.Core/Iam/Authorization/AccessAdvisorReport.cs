using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// The completed output of <c>aws iam get-service-last-accessed-details</c> for one principal. Access Advisor counts
/// attempts (denied ones too), lags by hours, and tracks only some actions: it is evidence that a service or tracked
/// action was <em>attempted</em>, and evidence of non-use only for what it tracks.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class AccessAdvisorReport
{
    private readonly FrozenDictionary<string, ServiceLastAccess> _services;
    private readonly FrozenDictionary<string, ActionLastAccess> _actions;

    /// <summary>Creates a report.</summary>
    public AccessAdvisorReport(string principal, string source, AccessAdvisorGranularity granularity, DateTimeOffset? completed,
        IEnumerable<ServiceLastAccess> services)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(source);
        Principal = principal;
        Source = source;
        Granularity = granularity;
        Completed = completed;
        Services = [.. services];
        _services = Services.DistinctBy(static s => s.Namespace, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(static s => s.Namespace, StringComparer.OrdinalIgnoreCase);
        _actions = Services.SelectMany(static s => s.TrackedActions).DistinctBy(static a => a.Action, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(static a => a.Action, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The principal the report is for: an ARN, or a user or role name (see docs/unused.md).</summary>
    public string Principal { get; }

    /// <summary>The file it was read from.</summary>
    public string Source { get; }

    /// <summary>Service level or action level.</summary>
    public AccessAdvisorGranularity Granularity { get; }

    /// <summary><c>JobCompletionDate</c>: the report knows nothing after it.</summary>
    public DateTimeOffset? Completed { get; }

    /// <summary>The services, in input order.</summary>
    public ImmutableArray<ServiceLastAccess> Services { get; }

    /// <summary>The service with this namespace (IAM prefix), when the report lists it.</summary>
    public bool TryGetService(string prefix, [NotNullWhen(true)] out ServiceLastAccess? service) =>
        _services.TryGetValue(prefix, out service);

    /// <summary>The tracked action (<c>prefix:Name</c>), when the report tracks it.</summary>
    public bool TryGetTrackedAction(string action, [NotNullWhen(true)] out ActionLastAccess? tracked) =>
        _actions.TryGetValue(action, out tracked);
}
