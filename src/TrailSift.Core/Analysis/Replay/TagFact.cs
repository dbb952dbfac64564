using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// One tagging fact the trail showed for one resource: tags applied (<c>CreateTags</c>, <c>TagResource</c>, tags
/// at creation), tag keys removed, or the creation itself (after which the resource's tags are fully known).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="ResourceKey">The resource: an EC2 resource id (<c>i-0abc…</c>) or an ARN.</param>
/// <param name="Ticks">When (UTC ticks of <c>eventTime</c>).</param>
/// <param name="EventId">The event's <c>eventID</c>.</param>
/// <param name="EventTime">The event's <c>eventTime</c> as written.</param>
/// <param name="EventName">The event's name (<c>CreateTags</c>, <c>RunInstances</c>, …).</param>
/// <param name="Principal">Who tagged: the role behind a session, or the caller's ARN.</param>
/// <param name="Tags">Tags applied.</param>
/// <param name="RemovedKeys">Tag keys removed.</param>
/// <param name="IsCreation">True when the event created the resource (its tags were complete from then on).</param>
public sealed record TagFact(
    string ResourceKey,
    long Ticks,
    string EventId,
    string EventTime,
    string EventName,
    string? Principal,
    ImmutableArray<KeyValuePair<string, string>> Tags,
    ImmutableArray<string> RemovedKeys,
    bool IsCreation)
{
    /// <summary>True for an EC2 <c>DeleteTags</c> that named no tag: it removes every tag but the <c>aws:</c> ones.</summary>
    public bool RemovesAllUserTags { get; init; }

    /// <summary>For a creation: the condition-key values the event states for the resource (<c>ec2:InstanceProfile</c>).</summary>
    public ImmutableArray<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>For a creation: the attribute keys the event shows the resource does not have (launched with no profile).</summary>
    public ImmutableArray<string> AbsentAttributes { get; init; } = [];

    /// <summary>True for a call that changed the resource's attributes (an instance profile association): unknown after it.</summary>
    public bool ChangesAttributes { get; init; }
}
