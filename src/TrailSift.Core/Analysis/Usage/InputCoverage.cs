using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// What the scanned input covers: the accounts (<c>recipientAccountId</c>), per account the regions with events, the
/// time span, the services with events, and how many data events per service prefix. A grant outside it is judged <see cref="UsageVerdict.NoData"/>,
/// never <see cref="UsageVerdict.Unused"/>.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record InputCoverage
{
    /// <summary>Events seen.</summary>
    public long Events { get; init; }

    /// <summary>Per account, the regions with at least one event, sorted.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> Regions { get; init; } =
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Data events per service prefix (<c>eventCategory: Data</c> or <c>managementEvent: false</c>).</summary>
    public ImmutableSortedDictionary<string, long> DataEvents { get; init; } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>The IAM prefixes of the services with events in the input (from <c>eventSource</c>).</summary>
    public ImmutableSortedSet<string> Services { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>The earliest event, UTC ticks (0 when none had a time).</summary>
    public long FirstTicks { get; init; }

    /// <summary>The latest event, UTC ticks.</summary>
    public long LastTicks { get; init; }

    /// <summary>True when the input holds events of <paramref name="account"/>.</summary>
    public bool CoversAccount(string account) => Regions.ContainsKey(account);

    /// <summary>True when the input holds events of <paramref name="account"/> in <paramref name="region"/>.</summary>
    public bool CoversRegion(string account, string region) =>
        Regions.TryGetValue(account, out ImmutableArray<string> regions) && regions.Contains(region, StringComparer.Ordinal);

    /// <summary>True when the input holds events of the service (any kind): proof that CloudTrail records it.</summary>
    public bool HasService(string prefix) => Services.Contains(prefix);

    /// <summary>True when the input holds data events of the service.</summary>
    public bool HasDataEvents(string prefix) => DataEvents.TryGetValue(prefix, out long n) && n > 0;
}
