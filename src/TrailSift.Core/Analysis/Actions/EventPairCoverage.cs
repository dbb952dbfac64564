using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Actions;

/// <summary>How well one <c>(eventSource, eventName)</c> pair maps to catalog actions (<c>actions --coverage</c>).</summary>
/// <remarks>Not thread-safe: one per worker, merged on one thread.</remarks>
public sealed class EventPairCoverage
{
    private readonly SortedSet<string> _actions = new(StringComparer.Ordinal);

    /// <summary>Events of the pair.</summary>
    public long Count { get; private set; }

    /// <summary>True when every event of the pair was accounted for (mapped, permissionless or not an API call).</summary>
    public bool Mapped { get; private set; } = true;

    /// <summary>Some event needed no permission.</summary>
    public bool Permissionless { get; private set; }

    /// <summary>Some event was not an API call.</summary>
    public bool NotApiCall { get; private set; }

    /// <summary>Why an event was unmapped (the first reason seen).</summary>
    public string? Why { get; private set; }

    /// <summary>The actions the events mapped to, sorted.</summary>
    public IReadOnlySet<string> Actions => _actions;

    internal void Add(EventPermissions result)
    {
        Count++;
        Mapped &= result.IsAccountedFor;
        Permissionless |= result.Status == MappingStatus.Permissionless;
        NotApiCall |= result.Status == MappingStatus.NotApiCall;
        if (result.Status == MappingStatus.Unmapped)
        {
            Why ??= string.Join("; ", result.Notes);
        }

        foreach (RequiredPermission p in result.Permissions)
        {
            _actions.Add(p.Action);
        }
    }

    internal void Merge(EventPairCoverage other)
    {
        Count += other.Count;
        Mapped &= other.Mapped;
        Permissionless |= other.Permissionless;
        NotApiCall |= other.NotApiCall;
        Why ??= other.Why;
        _actions.UnionWith(other._actions);
    }
}
