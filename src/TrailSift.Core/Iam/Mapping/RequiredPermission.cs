using TrailSift.Core.Common;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// One permission an event needed: an action in canonical catalog spelling (<c>sqs:CreateQueue</c>) on a resource
/// (an ARN, an ARN pattern with <c>*</c>, or <c>"*"</c>), with the catalog resource type it was matched to and
/// where it came from.
/// </summary>
/// <remarks>An immutable record; thread-safe.</remarks>
/// <param name="Action">The action, spelled as the catalog spells it.</param>
/// <param name="Resource">An ARN, an ARN pattern, or <c>"*"</c>.</param>
/// <param name="ResourceType">The catalog resource type name (<c>queue</c>, <c>instance</c>), or null for <c>"*"</c>.</param>
/// <param name="Source">Where the pair came from.</param>
/// <param name="Note">Why a value is unknown, or what rule produced the pair; null when there is nothing to say.</param>
/// <param name="Implied">True when CloudTrail does not log this permission but the call needed it (implied, not observed).</param>
public sealed record RequiredPermission(
    string Action,
    string Resource,
    string? ResourceType,
    PermissionSource Source,
    string? Note = null,
    bool Implied = false)
{
    /// <summary>
    /// For <c>iam:PassRole</c> through an instance profile (<c>RunInstances</c>, EMR's <c>jobFlowRole</c>): the
    /// instance profile's ARN. The role inside it is not in the event, so <see cref="Resource"/> is <c>*</c>.
    /// </summary>
    public string? InstanceProfileArn { get; init; }

    /// <summary>
    /// For tags given at creation (<c>ec2:CreateTags</c> implied by <c>RunInstances</c> with a
    /// <c>tagSpecificationSet</c>): the creating operation, the value of the <c>ec2:CreateAction</c> condition key.
    /// </summary>
    public string? CreateAction { get; init; }

    /// <summary>
    /// The role the instance profile usually holds: <c>instance-profile/[path/]NAME</c> → <c>role/NAME</c> (the console,
    /// <c>aws emr create-default-roles</c> and most templates name the role after the profile, without a path).
    /// An assumption, never a fact from the event; null without an instance profile.
    /// </summary>
    public string? SameNameRoleArn =>
        InstanceProfileArn is { } profileArn && Arn.TryParse(profileArn, out Arn profile)
            && profile.Resource.StartsWith("instance-profile/", StringComparison.Ordinal)
            ? $"arn:{profile.Partition}:iam::{profile.Account}:role/{profile.Resource[(profile.Resource.LastIndexOf('/') + 1)..]}"
            : null;

    /// <summary>Returns <c>action on resource</c>.</summary>
    public override string ToString() => Implied ? $"{Action} on {Resource} (implied)" : $"{Action} on {Resource}";
}
