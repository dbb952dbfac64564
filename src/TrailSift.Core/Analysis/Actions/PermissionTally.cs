namespace TrailSift.Core.Analysis.Actions;

/// <summary>Counts per action and resource, in ordinal order.</summary>
/// <remarks>Not thread-safe: one per worker, merged on one thread.</remarks>
public sealed class PermissionTally
{
    private readonly SortedDictionary<string, SortedDictionary<string, long>> _actions = new(StringComparer.Ordinal);

    /// <summary>Action → (resource → count), sorted by action then resource.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, long>> Actions => _actions;

    /// <summary>Counts <paramref name="count"/> uses of <paramref name="action"/> on <paramref name="resource"/>.</summary>
    public void Add(string action, string resource, long count)
    {
        if (!_actions.TryGetValue(action, out SortedDictionary<string, long>? resources))
        {
            _actions[action] = resources = new SortedDictionary<string, long>(StringComparer.Ordinal);
        }

        resources[resource] = resources.GetValueOrDefault(resource) + count;
    }

    /// <summary>Adds another tally.</summary>
    public void Merge(PermissionTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach ((string action, SortedDictionary<string, long> resources) in other._actions)
        {
            foreach ((string resource, long count) in resources)
            {
                Add(action, resource, count);
            }
        }
    }
}
