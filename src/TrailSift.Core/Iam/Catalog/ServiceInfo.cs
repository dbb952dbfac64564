using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// One service of the catalog (an IAM service prefix such as <c>s3</c>): its actions, resource types and
/// condition keys, each looked up case-insensitively.
/// </summary>
/// <remarks>
/// Immutable (immutable arrays, plus frozen dictionaries built on the first lookup and published atomically);
/// safe to share between threads.
/// </remarks>
public sealed class ServiceInfo
{
    // Built on first lookup: freezing ~1,400 dictionaries up front would dominate the catalog's load time,
    // and a run typically touches a handful of services.
    private Lookups? _lookups;

    internal ServiceInfo(string prefix, string name, bool isRcpSupported, ImmutableArray<ActionInfo> actions,
        ImmutableArray<ResourceTypeInfo> resourceTypes, ImmutableArray<ConditionKeyInfo> conditionKeys)
    {
        Prefix = prefix;
        Name = name;
        IsRcpSupported = isRcpSupported;
        Actions = actions;
        ResourceTypes = resourceTypes;
        ConditionKeys = conditionKeys;
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
        return Lookup.Actions.TryGetValue(name, out action);
    }

    /// <summary>Finds an action by name (any case) without allocating.</summary>
    public bool TryGetAction(ReadOnlySpan<char> name, [NotNullWhen(true)] out ActionInfo? action) =>
        Lookup.ActionsBySpan.TryGetValue(name, out action);

    /// <summary>Finds a resource type by name (any case).</summary>
    public bool TryGetResourceType(string name, [NotNullWhen(true)] out ResourceTypeInfo? resourceType)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Lookup.ResourceTypes.TryGetValue(name, out resourceType);
    }

    /// <summary>
    /// Finds a condition key documented for this service by its exact name (any case); parameterised keys are
    /// found by their template spelling only. Use <see cref="IamCatalog.TryGetConditionKey"/> to resolve
    /// concrete keys such as <c>s3:ExistingObjectTag/team</c>.
    /// </summary>
    public bool TryGetConditionKey(string key, [NotNullWhen(true)] out ConditionKeyInfo? conditionKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Lookup.ConditionKeys.TryGetValue(key, out conditionKey);
    }

    /// <summary>Returns the prefix.</summary>
    public override string ToString() => Prefix;

    // Racing threads may each build the lookups; one result is published and both are equivalent.
    private Lookups Lookup => _lookups ?? Interlocked.CompareExchange(ref _lookups, new Lookups(this), null) ?? _lookups;

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

    private sealed class Lookups
    {
        public Lookups(ServiceInfo service)
        {
            Actions = ToFrozen(service.Actions, static a => a.Name);
            ActionsBySpan = Actions.GetAlternateLookup<ReadOnlySpan<char>>();
            ResourceTypes = ToFrozen(service.ResourceTypes, static r => r.Name);
            ConditionKeys = ToFrozen(service.ConditionKeys, static k => k.Key);
        }

        public FrozenDictionary<string, ActionInfo> Actions { get; }

        public FrozenDictionary<string, ActionInfo>.AlternateLookup<ReadOnlySpan<char>> ActionsBySpan { get; }

        public FrozenDictionary<string, ResourceTypeInfo> ResourceTypes { get; }

        public FrozenDictionary<string, ConditionKeyInfo> ConditionKeys { get; }
    }
}
