using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// One resource type an action can be authorized against, with whether the action requires it and the
/// condition keys and dependent actions that apply to this pairing.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class ActionResourceType
{
    internal ActionResourceType(string name, bool required, ResourceTypeInfo? resourceType,
        ImmutableArray<string> conditionKeys, ImmutableArray<string> dependentActions)
    {
        Name = name;
        Required = required;
        ResourceType = resourceType;
        ConditionKeys = conditionKeys;
        DependentActions = dependentActions;
    }

    /// <summary>The resource type name as the action lists it.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether the resource type is required (marked <c>*</c> in the Service Authorization Reference): a request
    /// always names a resource of this type.
    /// </summary>
    public bool Required { get; }

    /// <summary>The service's resource type of that name; null when the service does not define it.</summary>
    public ResourceTypeInfo? ResourceType { get; }

    /// <summary>Condition keys that apply to the action on this resource type.</summary>
    public ImmutableArray<string> ConditionKeys { get; }

    /// <summary>Further actions a request needs when it touches this resource type.</summary>
    public ImmutableArray<string> DependentActions { get; }

    /// <summary>Returns the name, with <c>*</c> when required.</summary>
    public override string ToString() => Required ? Name + "*" : Name;
}
