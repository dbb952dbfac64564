namespace TrailSift.Core.Events;

/// <summary>What kind of caller made an event's call, as <see cref="PrincipalResolver"/> reads it from <c>userIdentity</c>.</summary>
public enum CallerKind
{
    /// <summary>No <c>userIdentity</c>, or a type TrailSift does not know.</summary>
    Unknown,

    /// <summary>A role session (<c>AssumedRole</c>, or an <c>assumed-role/</c> ARN): its policies are the role's.</summary>
    Role,

    /// <summary>An IAM user (<c>IAMUser</c>).</summary>
    User,

    /// <summary>The account's root user (<c>Root</c>).</summary>
    Root,

    /// <summary>A federated caller: <c>FederatedUser</c> (GetFederationToken: its IAM user's policies), <c>SAMLUser</c>, <c>WebIdentityUser</c>.</summary>
    Federated,

    /// <summary>An AWS service calling on its own behalf (<c>AWSService</c>): no identity policy of the account applies.</summary>
    Service,

    /// <summary>A principal of another account (<c>AWSAccount</c>), not identified further.</summary>
    Account,

    /// <summary>An unauthenticated request (S3's <c>anonymous</c> account).</summary>
    Anonymous,
}
