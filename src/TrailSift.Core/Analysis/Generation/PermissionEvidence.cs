using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// The evidence for one <c>(action, resource, resource type)</c> of one principal: how many calls needed it, how
/// many of them were denied, when it was first and last needed, which events needed it, and whether it was
/// only ever implied (never logged by CloudTrail).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PermissionEvidence
{
    /// <summary>The action in catalog spelling.</summary>
    public required string Action { get; init; }

    /// <summary>The resource: an ARN, an ARN pattern, or <c>*</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>The catalog resource-type key, or null.</summary>
    public string? ResourceType { get; init; }

    /// <summary>For tags given at creation: the creating call (<c>ec2:CreateAction</c>), else null.</summary>
    public string? CreateAction { get; init; }

    /// <summary>
    /// For a workload resource pattern: tags every resource behind it carried, from its creation, at every call (the
    /// statement gets <c>aws:ResourceTag</c> conditions); empty otherwise.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, string>> ResourceTags { get; init; } = [];

    /// <summary>
    /// For a workload resource pattern: condition-key values (<c>ec2:InstanceProfile</c>) every resource behind it was
    /// created with and kept until every call (the statement gets <c>ArnEquals</c> conditions where the action has the
    /// key); empty otherwise.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, string>> ResourceAttributes { get; init; } = [];

    /// <summary>Calls that needed it (allowed and denied).</summary>
    public long Calls { get; init; }

    /// <summary>Of <see cref="Calls"/>, those denied.</summary>
    public long Denied { get; init; }

    /// <summary>Of <see cref="Calls"/>, those where the permission was implied, not logged.</summary>
    public long ImpliedCalls { get; init; }

    /// <summary>Of <see cref="Calls"/>, those that failed validation (authorisation unknown; only with <c>--include-unverified</c>).</summary>
    public long UnverifiedCalls { get; init; }

    /// <summary>True when every call behind it failed validation: nothing shows it was ever allowed.</summary>
    public bool Unverified => UnverifiedCalls > 0 && UnverifiedCalls == Calls;

    /// <summary>True when every call needed it only implicitly (CloudTrail never showed it).</summary>
    public bool Implied => ImpliedCalls == Calls;

    /// <summary>The first event time (UTC ticks; 0 when unknown).</summary>
    public long FirstTicks { get; init; }

    /// <summary>The last event time (UTC ticks; 0 when unknown).</summary>
    public long LastTicks { get; init; }

    /// <summary>The event names behind it (<c>RunInstances</c>), sorted.</summary>
    public ImmutableArray<string> EventNames { get; init; } = [];

    /// <summary>Why the resource is a pattern or an assumption (distinct, sorted); empty when it was read from the events.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
}
