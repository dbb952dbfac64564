namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// Facts about the whole input that bound what a generated policy can claim: whether data events were
/// recorded at all, and how many events belonged to nobody a policy can be written for.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record InputFacts
{
    /// <summary>Events seen: selected events as the collector counts them, or every event read when the data events are counted as context (<see cref="PolicyScanSink"/>).</summary>
    public long Events { get; init; }

    /// <summary>Of those, data events (<c>eventCategory: Data</c> or <c>managementEvent: false</c>).</summary>
    public long DataEvents { get; init; }

    /// <summary>Events by AWS services themselves (<c>userIdentity.type: AWSService</c>): no policy is written for them.</summary>
    public long ServiceEvents { get; init; }

    /// <summary>Events whose caller has no ARN (anonymous, or another account known only by id).</summary>
    public long UnattributedEvents { get; init; }

    /// <summary>True when the input holds data events, so data-plane use could be seen.</summary>
    public bool HasDataEvents => DataEvents > 0;
}
