using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// A user, group or role from an authorization-details document: its name and ARN, inline policies, attached
/// managed policies (by ARN), and for users their groups, for users and roles their permissions boundary, for
/// roles their instance profiles.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record IamEntity
{
    /// <summary>User, group or role.</summary>
    public required IamEntityKind Kind { get; init; }

    /// <summary>The user, group or role name.</summary>
    public required string Name { get; init; }

    /// <summary>The entity's ARN.</summary>
    public required string Arn { get; init; }

    /// <summary>The entity's path (<c>/</c> when absent).</summary>
    public string Path { get; init; } = "/";

    /// <summary>Inline policies, in input order.</summary>
    public ImmutableArray<InlinePolicy> InlinePolicies { get; init; } = [];

    /// <summary>ARNs of attached managed policies, in input order.</summary>
    public ImmutableArray<string> AttachedPolicyArns { get; init; } = [];

    /// <summary>For users: the names of their groups.</summary>
    public ImmutableArray<string> GroupNames { get; init; } = [];

    /// <summary>The permissions boundary's policy ARN, or null.</summary>
    public string? PermissionsBoundaryArn { get; init; }

    /// <summary>For roles: their instance profiles.</summary>
    public ImmutableArray<InstanceProfile> InstanceProfiles { get; init; } = [];

    /// <summary>The account in the ARN.</summary>
    public string Account => Arn.Split(':') is { Length: > 4 } parts ? parts[4] : string.Empty;
}
