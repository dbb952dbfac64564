using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// One service of the catalog (an IAM service prefix such as <c>s3</c>): its actions, resource types and
/// condition keys, each looked up case-insensitively.
/// </summary>
/// <remarks>Immutable (frozen dictionaries over immutable arrays); safe to share between threads.</remarks>
public sealed class ServiceInfo
{
    private readonly FrozenDictionary<string, ActionInfo> _actions;
    private readonly FrozenDictionary<string, ActionInfo>.AlternateLookup<ReadOnlySpan<char>> _actionsBySpan;
    private readonly FrozenDictionary<string, ResourceTypeInfo> _resourceTypes;
    private readonly FrozenDictionary<string, ConditionKeyInfo> _conditionKeys;

    internal ServiceInfo(string prefix, string name, bool isRcpSupported, ImmutableArray<ActionInfo> actions,
        ImmutableArray<ResourceTypeInfo> resourceTypes, ImmutableArray<ConditionKeyInfo> conditionKeys)
    {
        Prefix = prefix;
        Name = name;
        IsRcpSupported = isRcpSupported;
        Actions = actions;
        ResourceTypes = resourceTypes;
        ConditionKeys = conditionKeys;
        _actions = ToFrozen(actions, static a => a.Name);
        _actionsBySpan = _actions.GetAlternateLookup<ReadOnlySpan<char>>();
        _resourceTypes = ToFrozen(resourceTypes, static r => r.Name);
        _conditionKeys = ToFrozen(conditionKeys, static k => k.Key);
    }

    /// <summary>The service prefix used in actions and ARNs (<c>s3</c>).</summary>
    public string Prefix { get; }

    /// <summary>The display name (<c>Amazon S3</c>).</summary>
    public string Name { get; }

    /// <summary>Whether resource control policies (RCPs) can govern this service's resources.</summary>
    public bool IsRcpSupported { get; }

    /// <summary>The actions, sorted by name (ordinal, ignoring case).</summary>
    public ImmutableArray<ActionInfo> Actions { get; }

    /// <summary>The resource types, sorted by name.</summary>
    public ImmutableArray<ResourceTypeInfo> ResourceTypes { get; }

    /// <summary>The condition keys documented for the service (some are global <c>aws:</c> keys), sorted.</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    /// <summary>Finds an action by name (<c>GetObject</c>, any case).</summary>
    public bool TryGetAction(string name, [NotNullWhen(true)] out ActionInfo? action)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _actions.TryGetValue(name, out action);
    }

    /// <summary>Finds an action by name (any case) without allocating.</summary>
    public bool TryGetAction(ReadOnlySpan<char> name, [NotNullWhen(true)] out ActionInfo? action) =>
        _actionsBySpan.TryGetValue(name, out action);

    /// <summary>Finds a resource type by name (any case).</summary>
    public bool TryGetResourceType(string name, [NotNullWhen(true)] out ResourceTypeInfo? resourceType)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _resourceTypes.TryGetValue(name, out resourceType);
    }

    /// <summary>
    /// Finds a condition key documented for this service by its exact name (any case); parameterised keys are
    /// found by their template spelling only. Use <see cref="IamCatalog.TryGetConditionKey"/> to resolve
    /// concrete keys such as <c>s3:ExistingObjectTag/team</c>.
    /// </summary>
    public bool TryGetConditionKey(string key, [NotNullWhen(true)] out ConditionKeyInfo? conditionKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _conditionKeys.TryGetValue(key, out conditionKey);
    }

    /// <summary>Returns the prefix.</summary>
    public override string ToString() => Prefix;

    private static FrozenDictionary<string, T> ToFrozen<T>(ImmutableArray<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(items.Length, StringComparer.OrdinalIgnoreCase);
        foreach (T item in items)
        {
            // First one wins if the data ever holds two spellings of one name.
            map.TryAdd(key(item), item);
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
