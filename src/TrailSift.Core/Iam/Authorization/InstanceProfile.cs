using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>An instance profile of a role (<c>InstanceProfileList</c>): its ARN, name and the roles it holds.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Arn">The instance profile's ARN.</param>
/// <param name="Name">The <c>InstanceProfileName</c>.</param>
/// <param name="RoleArns">The ARNs of the roles in the profile (at most one in practice).</param>
public sealed record InstanceProfile(string Arn, string Name, ImmutableArray<string> RoleArns);
