namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// A resource a call created, as the event shows it: the instance id of <c>RunInstances</c> (from
/// <c>responseElements</c>), the queue of <c>CreateQueue</c> (by the name the request gives). Later calls on it can be
/// recognised as acting on a resource of the workload's own making.
/// </summary>
/// <remarks>An immutable record; thread-safe.</remarks>
/// <param name="Arn">The new resource's ARN.</param>
/// <param name="ResourceType">The catalog resource type (<c>instance</c>, <c>queue</c>).</param>
public sealed record CreatedResource(string Arn, string ResourceType);
