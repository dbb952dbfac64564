namespace TrailSift.Core.Iam.Evaluation;

/// <summary>The kinds of policies that take part in an evaluation.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum PolicyType
{
    /// <summary>Organizations service control policy (applies to the caller's account).</summary>
    ServiceControlPolicy,

    /// <summary>Organizations resource control policy (applies to the resource's account).</summary>
    ResourceControlPolicy,

    /// <summary>A resource-based policy (bucket policy, key policy, role trust policy, …).</summary>
    ResourcePolicy,

    /// <summary>An identity-based policy of the caller (user, group or role policy).</summary>
    IdentityPolicy,

    /// <summary>The caller's permissions boundary.</summary>
    PermissionsBoundary,

    /// <summary>The session policy passed when the session was created.</summary>
    SessionPolicy,

    /// <summary>The policy of the VPC endpoint the call went through.</summary>
    EndpointPolicy,
}
