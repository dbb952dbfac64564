namespace TrailSift.Core.Sources;

/// <summary>What may be skipped by path before opening: accounts, regions and a time window.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PruneOptions
{
    /// <summary>Accounts to keep (empty: all).</summary>
    public IReadOnlySet<string> Accounts { get; init; } = new HashSet<string>();

    /// <summary>Regions to keep (empty: all).</summary>
    public IReadOnlySet<string> Regions { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keep events at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Keep events before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>
    /// How long after an event its log file may be delivered. A file stamped later than
    /// <see cref="Until"/> plus this margin cannot hold events before <see cref="Until"/>.
    /// CloudTrail documents about 5 minutes on average but gives no bound; 15 minutes is our default
    /// (raise it with <c>--delivery-delay</c> when a trail is known to deliver late).
    /// </summary>
    public TimeSpan DeliveryDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Clock skew allowed the other way (events stamped after their file's time).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>No pruning at all.</summary>
    public static PruneOptions None { get; } = new();

    /// <summary>True when a file delivered at <paramref name="delivery"/> may hold events in the window.</summary>
    public bool KeepsDelivery(DateTimeOffset delivery) =>
        (Since is null || delivery >= Since.Value - ClockSkew)
        && (Until is null || delivery < Until.Value + DeliveryDelay);

    /// <summary>True when files delivered during [<paramref name="from"/>, <paramref name="to"/>) may hold events in the window.</summary>
    public bool KeepsPeriod(DateTimeOffset from, DateTimeOffset to) =>
        (Since is null || to > Since.Value - ClockSkew)
        && (Until is null || from < Until.Value + DeliveryDelay);
}
