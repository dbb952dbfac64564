namespace TrailSift.Testing.Aws;

/// <summary>
/// A principal the loopback endpoint knows: its keys (requests signed with an unknown key are refused, as AWS
/// does) and what CloudTrail writes in <c>userIdentity</c> for its calls.
/// </summary>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="SecretAccessKey">The secret the loopback verifies signatures with.</param>
/// <param name="SessionToken">The session token temporary credentials must send (<c>X-Amz-Security-Token</c>).</param>
/// <param name="Arn">The principal's ARN (a user, or <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>).</param>
/// <param name="Type">The <c>userIdentity.type</c>: <c>IAMUser</c> or <c>AssumedRole</c>.</param>
/// <param name="PrincipalId">The <c>userIdentity.principalId</c>.</param>
/// <param name="RoleArn">For a role session, the role.</param>
/// <param name="SourceIdentity">For a role session, its source identity.</param>
public sealed record LoopbackIdentity(string AccessKeyId, string SecretAccessKey, string? SessionToken, string Arn, string Type, string PrincipalId,
    string? RoleArn = null, string? SourceIdentity = null)
{
    /// <summary>The test account.</summary>
    public const string Account = "123456789012";

    /// <summary>An IAM user with long-term keys.</summary>
    public static LoopbackIdentity User(string name, string accessKeyId, string secret) =>
        new(accessKeyId, secret, null, $"arn:aws:iam::{Account}:user/{name}", "IAMUser", "AIDA" + Hash(name));

    /// <summary>The session name of a role session (the last part of its ARN).</summary>
    public string? SessionName => Type == "AssumedRole" ? Arn[(Arn.LastIndexOf('/') + 1)..] : null;

    /// <summary>The user name (for an IAM user) or the role name (for a role session), as LookupEvents' <c>Username</c> shows.</summary>
    public string UserName => Type == "AssumedRole" ? SessionName! : Arn[(Arn.LastIndexOf('/') + 1)..];

    internal static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}
