using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>The key of a denial group: principal, action, resource and reason.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal readonly record struct DenialKey(string Principal, string? Action, string? Resource, DeniedReason Reason);

/// <summary>What one scan worker has gathered about one <see cref="DenialKey"/>; merged across workers.</summary>
/// <remarks>Mutable; not thread-safe.</remarks>
internal sealed class DenialState
{
    public CallStats Calls { get; } = new();

    public SortedSet<string> ErrorCodes { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Notes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> CalledBy { get; } = new(StringComparer.Ordinal);

    /// <summary>How many <see cref="MappedResources"/> and <see cref="Implied"/> entries a group keeps: the first in ordinal order.</summary>
    public const int MaxListed = 32;

    /// <summary>
    /// Other resources of the same action that the IAM mapping derived from the denied events: the
    /// <see cref="MaxListed"/> first in ordinal order (<see cref="AddBounded"/>), whatever the event order or worker split.
    /// </summary>
    public SortedSet<string> MappedResources { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Implied permissions (not logged by CloudTrail) the mapping derived, as <c>action on resource (note)</c>; bounded as
    /// <see cref="MappedResources"/>.
    /// </summary>
    public SortedSet<string> Implied { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True when the calls named more other resources than <see cref="MappedResources"/> keeps: the list is then the first
    /// <see cref="MaxListed"/>, the report says so, and <c>denied --policy</c> grants none of it (a partial list would not
    /// let the next run pass).
    /// </summary>
    public bool MappedResourcesTruncated { get; set; }

    /// <summary>
    /// Adds <paramref name="values"/> to a bounded set and keeps its <see cref="MaxListed"/> smallest: the result depends
    /// only on the values seen, not on their order or on how the scan split them across workers. Returns true when a
    /// distinct value had to be left out.
    /// </summary>
    public static bool AddBounded(SortedSet<string> set, IEnumerable<string> values)
    {
        bool dropped = false;
        foreach (string value in values)
        {
            if (set.Count < MaxListed || string.CompareOrdinal(value, set.Max) < 0)
            {
                if (set.Add(value) && set.Count > MaxListed)
                {
                    set.Remove(set.Max!);
                    dropped = true;
                }
            }
            else if (!set.Contains(value))
            {
                dropped = true;
            }
        }

        return dropped;
    }

    /// <summary>Adds other resources of the group's action, noting when the list is cut short.</summary>
    public void AddMappedResources(IEnumerable<string> values)
    {
        if (AddBounded(MappedResources, values) && !MappedResourcesTruncated)
        {
            MappedResourcesTruncated = true;
            Notes.Add(DeniedNotes.MappedResourcesTruncated);
        }
    }

    public string? PolicyType { get; set; }

    public string? EventSource { get; set; }

    public string? EventName { get; set; }

    public string? InvokedBy { get; set; }

    public bool ActionDerived { get; set; }

    public bool ResourceDerived { get; set; }

    /// <summary>True when at least one denied call carried no tags in its request.</summary>
    public bool AnyUntagged { get; set; }

    public void Merge(DenialState other)
    {
        Calls.Merge(other.Calls);
        ErrorCodes.UnionWith(other.ErrorCodes);
        Notes.UnionWith(other.Notes);
        MappedResourcesTruncated |= other.MappedResourcesTruncated;
        AddMappedResources(other.MappedResources);
        AddBounded(Implied, other.Implied);
        foreach ((string who, long n) in other.CalledBy)
        {
            CalledBy[who] = CalledBy.GetValueOrDefault(who) + n;
        }

        PolicyType = Min(PolicyType, other.PolicyType);
        EventSource = Min(EventSource, other.EventSource);
        EventName = Min(EventName, other.EventName);
        InvokedBy = Min(InvokedBy, other.InvokedBy);
        ActionDerived |= other.ActionDerived;
        ResourceDerived |= other.ResourceDerived;
        AnyUntagged |= other.AnyUntagged;
    }

    /// <summary>The ordinal-smaller non-null value, so merges do not depend on worker order.</summary>
    public static string? Min(string? a, string? b) =>
        a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;
}
