namespace TrailSift.Core.Aws;

/// <summary>Temporary credentials of an assumed role (<see cref="AwsSts.AssumeRoleAsync"/>).</summary>
/// <param name="RoleArn">The role assumed.</param>
/// <param name="SessionName">The session name (the last part of <paramref name="AssumedRoleArn"/>).</param>
/// <param name="SourceIdentity">The source identity set on the session, if any.</param>
/// <param name="AccessKeyId">The session's access key id (CloudTrail's <c>userIdentity.accessKeyId</c> of its calls).</param>
/// <param name="SecretAccessKey">The secret.</param>
/// <param name="SessionToken">The session token.</param>
/// <param name="Expiration">When the credentials expire.</param>
/// <param name="AssumedRoleArn">The session's ARN (<c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>).</param>
public sealed record AwsRoleSession(string RoleArn, string SessionName, string? SourceIdentity, string AccessKeyId, string SecretAccessKey,
    string SessionToken, DateTimeOffset Expiration, string AssumedRoleArn);
