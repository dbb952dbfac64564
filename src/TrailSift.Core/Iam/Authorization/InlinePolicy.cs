using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>An inline policy of a user, group or role: its name and parsed document.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Name">The <c>PolicyName</c>.</param>
/// <param name="Document">The parsed document.</param>
public sealed record InlinePolicy(string Name, PolicyDocument Document);
