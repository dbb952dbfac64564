using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// One identity policy that takes part in a principal's permissions, with a label saying where it comes from
/// (<c>inline EmrAccess</c>, <c>managed arn:aws:iam::…:policy/X (v3)</c>, <c>group devs: inline Y</c>).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Label">Where the policy comes from, for people.</param>
/// <param name="PolicyArn">The managed policy's ARN, or null for an inline policy.</param>
/// <param name="Document">The document (a managed policy's default version).</param>
public sealed record GrantedPolicy(string Label, string? PolicyArn, PolicyDocument Document);
