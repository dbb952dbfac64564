namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// How a resource-based policy statement named the caller, which decides what the statement can override in
/// the same account (iam-eval.md §2).
/// </summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum PrincipalMatchKind
{
    /// <summary>The caller is not named (or the policy type has no principals).</summary>
    None,

    /// <summary>The caller's account (<c>"111122223333"</c> or <c>arn:aws:iam::111122223333:root</c>): trusts the account's IAM policies, grants nothing by itself.</summary>
    Account,

    /// <summary>The role of the caller's session: overrides an identity implicit deny, not a boundary or session policy.</summary>
    Role,

    /// <summary>The caller itself (user, role session, federated user, service) or <c>"*"</c>: overrides identity, boundary and session implicit denies.</summary>
    Direct,
}
