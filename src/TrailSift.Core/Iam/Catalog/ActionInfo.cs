using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// One IAM action, e.g. <c>s3:GetObject</c>: its canonical spelling, access level, the resource types it can be
/// authorized against, and its condition keys. An action with no resource types supports only
/// <c>"Resource": "*"</c>.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class ActionInfo
{
    internal ActionInfo(string servicePrefix, string name, AccessLevel accessLevel,
        ImmutableArray<ActionResourceType> resourceTypes, ImmutableArray<string> conditionKeys,
        ImmutableArray<string> dependentActions)
    {
        ServicePrefix = servicePrefix;
        Name = name;
        AccessLevel = accessLevel;
        ResourceTypes = resourceTypes;
        ConditionKeys = conditionKeys;
        DependentActions = dependentActions;
    }

    /// <summary>The service prefix (<c>s3</c>).</summary>
    public string ServicePrefix { get; }

    /// <summary>The action name in AWS spelling (<c>GetObject</c>).</summary>
    public string Name { get; }

    // Built on first use (benign race: every thread computes the same text) to keep 22,000 concatenations out of
    // the catalog's load time.
    private string? _fullName;

    /// <summary>The canonical <c>prefix:Name</c> (<c>s3:GetObject</c>).</summary>
    public string FullName => _fullName ??= string.Concat(ServicePrefix, ":", Name);

    /// <summary>The access level (one or two flags).</summary>
    public AccessLevel AccessLevel { get; }

    /// <summary>The resource types the action can be authorized against; empty means <c>*</c> only.</summary>
    public ImmutableArray<ActionResourceType> ResourceTypes { get; }

    /// <summary>Condition keys that apply to the action whatever the resource.</summary>
    public ImmutableArray<string> ConditionKeys { get; }

    /// <summary>Further actions a request for this action needs.</summary>
    public ImmutableArray<string> DependentActions { get; }

    /// <summary>Whether the action supports resource-level permissions (has at least one resource type).</summary>
    public bool SupportsResourceLevelPermissions => !ResourceTypes.IsEmpty;

    /// <summary>
    /// The action's resource types whose ARN template <paramref name="arn"/> fits, in catalog order; empty when
    /// none fits. When no template fits strictly, a template whose last variable would have to take a trailing
    /// qualifier still counts: <c>lambda:InvokeFunction</c> on <c>…:function:name:prod</c> gives <c>function</c>.
    /// </summary>
    public ImmutableArray<ActionResourceType> FindResourceTypes(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        ImmutableArray<ActionResourceType> strict = Find(arn, loose: false);
        return strict.IsEmpty ? Find(arn, loose: true) : strict;
    }

    private ImmutableArray<ActionResourceType> Find(string arn, bool loose)
    {
        ImmutableArray<ActionResourceType>.Builder? found = null;
        foreach (ActionResourceType candidate in ResourceTypes)
        {
            if (candidate.ResourceType is { } type && (loose ? type.Arn.MatchesLoosely(arn) : type.Arn.Matches(arn)))
            {
                found ??= ImmutableArray.CreateBuilder<ActionResourceType>();
                found.Add(candidate);
            }
        }

        return found is null ? [] : found.ToImmutable();
    }

    /// <summary>Returns <see cref="FullName"/>.</summary>
    public override string ToString() => FullName;
}
