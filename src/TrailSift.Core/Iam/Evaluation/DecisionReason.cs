namespace TrailSift.Core.Iam.Evaluation;

/// <summary>Why the evaluator reached its decision.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum DecisionReason
{
    /// <summary>Allowed: an identity or resource-based policy granted and every guardrail allowed.</summary>
    Allowed,

    /// <summary>A <c>Deny</c> statement matched.</summary>
    ExplicitDeny,

    /// <summary>No identity-based (or qualifying resource-based) policy allows the request.</summary>
    NoAllow,

    /// <summary>A resource-based policy was required (cross-account, key policy, trust policy) and did not allow.</summary>
    ResourcePolicyLacksAllow,

    /// <summary>An SCP level has no applicable <c>Allow</c>.</summary>
    ServiceControlPolicyLacksAllow,

    /// <summary>An RCP level has no applicable <c>Allow</c>.</summary>
    ResourceControlPolicyLacksAllow,

    /// <summary>The permissions boundary does not allow.</summary>
    PermissionsBoundaryLacksAllow,

    /// <summary>The session policy does not allow (or a federated-user session has none).</summary>
    SessionPolicyLacksAllow,

    /// <summary>The VPC endpoint policy does not allow the caller.</summary>
    EndpointPolicyLacksAllow,

    /// <summary>A rule AWS applies whatever the policies say (see <see cref="AwsRules"/>): a protected entity, or a call
    /// that needs no permission.</summary>
    AwsRule,
}
