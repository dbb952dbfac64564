using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// The merged output of one or more <c>aws iam get-account-authorization-details</c> pages or files: users,
/// groups, roles and managed policies, with the problems found while reading. Resolves a principal's effective
/// identity policies (<see cref="Resolve"/>) and the roles behind an instance profile.
/// </summary>
/// <remarks>Immutable; thread-safe. Built by <see cref="AuthorizationDetailsReader"/>.</remarks>
public sealed class AuthorizationDetails
{
    private readonly FrozenDictionary<string, IamEntity> _byArn;
    private readonly FrozenDictionary<string, IamEntity> _groupsByName;
    private readonly FrozenDictionary<string, InstanceProfile> _profiles;

    internal AuthorizationDetails(IEnumerable<IamEntity> entities, IEnumerable<ManagedPolicy> policies, IEnumerable<string> diagnostics)
    {
        ImmutableArray<IamEntity> all = [.. entities.OrderBy(static e => e.Arn, StringComparer.Ordinal)];
        Users = [.. all.Where(static e => e.Kind == IamEntityKind.User)];
        Groups = [.. all.Where(static e => e.Kind == IamEntityKind.Group)];
        Roles = [.. all.Where(static e => e.Kind == IamEntityKind.Role)];
        Policies = policies.ToFrozenDictionary(static p => p.Arn, StringComparer.Ordinal);
        Diagnostics = [.. diagnostics];
        _byArn = all.ToFrozenDictionary(static e => e.Arn, StringComparer.Ordinal);
        _groupsByName = Groups.DistinctBy(static g => g.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(static g => g.Name, StringComparer.Ordinal);
        var profiles = new Dictionary<string, InstanceProfile>(StringComparer.Ordinal);
        foreach (InstanceProfile profile in Roles.SelectMany(static r => r.InstanceProfiles))
        {
            profiles.TryAdd(profile.Arn, profile);
        }

        _profiles = profiles.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Users, sorted by ARN.</summary>
    public ImmutableArray<IamEntity> Users { get; }

    /// <summary>Groups, sorted by ARN.</summary>
    public ImmutableArray<IamEntity> Groups { get; }

    /// <summary>Roles, sorted by ARN.</summary>
    public ImmutableArray<IamEntity> Roles { get; }

    /// <summary>Managed policies by ARN.</summary>
    public FrozenDictionary<string, ManagedPolicy> Policies { get; }

    /// <summary>Problems found while reading, one line each (<c>source: path: message</c>).</summary>
    public ImmutableArray<string> Diagnostics { get; }

    /// <summary>
    /// Finds a user or role by ARN, or by name when the name is unique among users and roles. A role ARN written
    /// without its path (<c>role/NAME</c>, as CloudTrail shows sessions) finds the role with that name and account.
    /// </summary>
    public bool TryFindPrincipal(string arnOrName, [NotNullWhen(true)] out IamEntity? principal)
    {
        ArgumentNullException.ThrowIfNull(arnOrName);
        if (_byArn.TryGetValue(arnOrName, out principal) && principal.Kind != IamEntityKind.Group)
        {
            return true;
        }

        bool isArn = arnOrName.StartsWith("arn:", StringComparison.Ordinal);
        string name = isArn ? arnOrName[(arnOrName.LastIndexOf('/') + 1)..] : arnOrName;
        string? account = isArn && arnOrName.Split(':') is { Length: > 5 } parts ? parts[4] : null;
        bool wantsRole = !isArn || arnOrName.Contains(":role/", StringComparison.Ordinal);
        bool wantsUser = !isArn || arnOrName.Contains(":user/", StringComparison.Ordinal);
        IamEntity[] found = [.. Users.Where(u => wantsUser).Concat(Roles.Where(r => wantsRole))
            .Where(e => string.Equals(e.Name, name, StringComparison.Ordinal) && (account is null || e.Account == account))];
        principal = found.Length == 1 ? found[0] : null;
        return principal is not null;
    }

    /// <summary>The roles in the instance profile with this ARN (empty when the profile is unknown).</summary>
    public ImmutableArray<string> RolesOfInstanceProfile(string instanceProfileArn)
    {
        ArgumentNullException.ThrowIfNull(instanceProfileArn);
        if (_profiles.TryGetValue(instanceProfileArn, out InstanceProfile? profile))
        {
            return profile.RoleArns;
        }

        // An event may name the profile without its path: instance-profile/NAME.
        string name = instanceProfileArn[(instanceProfileArn.LastIndexOf('/') + 1)..];
        InstanceProfile[] byName = [.. _profiles.Values.Where(p => string.Equals(p.Name, name, StringComparison.Ordinal)
            && instanceProfileArn.Contains(":instance-profile/", StringComparison.Ordinal))];
        return byName.Length == 1 ? byName[0].RoleArns : [];
    }

    /// <summary>The effective identity policies of a user or role.</summary>
    public EffectivePolicies Resolve(IamEntity principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var identity = new List<GrantedPolicy>();
        var unknown = new List<string>();
        AddPolicies(principal, string.Empty, identity, unknown);
        foreach (string groupName in principal.GroupNames)
        {
            if (_groupsByName.TryGetValue(groupName, out IamEntity? group))
            {
                AddPolicies(group, "group " + group.Name + ": ", identity, unknown);
            }
            else
            {
                unknown.Add($"group {groupName}: not in the input");
            }
        }

        GrantedPolicy? boundary = null;
        bool boundaryUnknown = false;
        if (principal.PermissionsBoundaryArn is string boundaryArn)
        {
            if (Policies.TryGetValue(boundaryArn, out ManagedPolicy? policy) && policy.Document is not null)
            {
                boundary = new GrantedPolicy("boundary " + boundaryArn + VersionSuffix(policy), boundaryArn, policy.Document);
            }
            else
            {
                boundaryUnknown = true;
                unknown.Add($"{boundaryArn} (permissions boundary): not in the input");
            }
        }

        return new EffectivePolicies
        {
            Principal = principal,
            Identity = [.. identity],
            Boundary = boundary,
            Unknown = [.. unknown],
            BoundaryUnknown = boundaryUnknown,
        };
    }

    private void AddPolicies(IamEntity entity, string prefix, List<GrantedPolicy> identity, List<string> unknown)
    {
        foreach (InlinePolicy inline in entity.InlinePolicies)
        {
            identity.Add(new GrantedPolicy(prefix + "inline " + inline.Name, null, inline.Document));
        }

        foreach (string arn in entity.AttachedPolicyArns)
        {
            if (Policies.TryGetValue(arn, out ManagedPolicy? policy) && policy.Document is not null)
            {
                identity.Add(new GrantedPolicy(prefix + "managed " + arn + VersionSuffix(policy), arn, policy.Document));
            }
            else
            {
                string where = prefix.Length == 0 ? string.Empty : $" (attached to {prefix[..^2]})";
                unknown.Add(policy is null ? $"{arn}{where}: not in the input" : $"{arn}{where}: its default version is not in the input");
            }
        }
    }

    private static string VersionSuffix(ManagedPolicy policy) =>
        policy.DefaultVersionId is null ? string.Empty : " (" + policy.DefaultVersionId + ")";
}
