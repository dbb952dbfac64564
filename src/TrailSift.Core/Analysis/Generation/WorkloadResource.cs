using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>A resource a principal of the input created (the first successful call that did), keyed by its ARN.</summary>
/// <remarks>An immutable record; thread-safe.</remarks>
/// <param name="Arn">The new resource's ARN (a new id from the response, or the name the request gave).</param>
/// <param name="Principal">The principal that created it.</param>
/// <param name="Ticks">When (UTC ticks; 0 when unknown).</param>
/// <param name="EventName">The creating call (<c>RunInstances</c>).</param>
public sealed record WorkloadResource(string Arn, string Principal, long Ticks, string EventName)
{
    /// <summary>The tags the creating request gave it (key order as given); empty when none.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>The condition-key values the creating event stated for it (<c>ec2:InstanceProfile</c>); empty when none.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>The earliest later call that changed one of its <see cref="Attributes"/> (UTC ticks), or null when the input shows none.</summary>
    public long? ChangedTicks { get; init; }

    /// <summary>The earliest later call that added or removed tags on it (UTC ticks), or null when the input shows none.</summary>
    public long? RetaggedTicks { get; init; }
}
