namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// One permission a call needed: an action (<c>sqs:CreateQueue</c>) on a resource (an ARN, an ARN pattern or
/// <c>*</c>) of a catalog resource type, and whether CloudTrail logs it or it is implied by the call
/// (<c>iam:PassRole</c>).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Action">The action in catalog spelling.</param>
/// <param name="Resource">An ARN, an ARN pattern or <c>*</c>.</param>
/// <param name="ResourceType">The catalog resource-type key (<c>queue</c>), or null when not known or for <c>*</c>.</param>
/// <param name="Implied">True when the call needed it but CloudTrail never logs it.</param>
/// <param name="Note">Why the resource is a pattern or an assumption, or null when it was read from the event.</param>
public readonly record struct PermissionTuple(string Action, string Resource, string? ResourceType, bool Implied = false, string? Note = null)
{
    /// <summary>For tags given at creation: the creating call, the value of <c>ec2:CreateAction</c>; part of the key.</summary>
    public string? CreateAction { get; init; }
}
