namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// One tracked action of an action-level Access Advisor report: when it was last attempted (allowed or denied),
/// by which entity and in which region; <see cref="LastAccessed"/> is null when it was not attempted within the
/// tracking period.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Action">The action, <c>prefix:Name</c>.</param>
/// <param name="LastAccessed">The last attempt, or null.</param>
/// <param name="Entity">The entity that made it, or null.</param>
/// <param name="Region">Its region, or null.</param>
public sealed record ActionLastAccess(string Action, DateTimeOffset? LastAccessed, string? Entity, string? Region);
