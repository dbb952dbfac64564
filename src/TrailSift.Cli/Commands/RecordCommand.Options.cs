namespace TrailSift.Cli.Commands;

/// <summary>The options of one <c>record</c> run, validated.</summary>
internal sealed record RecordOptions
{
    public required IReadOnlyList<string> Command { get; init; }

    public string? Role { get; init; }

    public string? SourceIdentity { get; init; }

    public IReadOnlyList<string> Also { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public TimeSpan Deadline { get; init; }

    public TimeSpan Poll { get; init; }

    public required string Out { get; init; }

    public string? Append { get; init; }

    public required string Format { get; init; }

    public string? Check { get; init; }

    public string? Profile { get; init; }
}

/// <summary>What a run did, for the recording's run line.</summary>
internal sealed record RunInfo(RecordOptions Options, int ExitCode, TrailSift.Core.Analysis.Recording.RecordedRun Run, RegionVerdict Regions, string SessionName);

/// <summary>The state of every region a run considered: watched (complete or not), refused, and where COMMAND's calls were seen.</summary>
internal sealed record RegionVerdict(IReadOnlyList<string> Regions, bool Discovered, TrailSift.Core.Sources.Remote.CloudTrail.WatchResult Watched,
    IReadOnlyDictionary<string, string> Refused, string? Interrupted)
{
    /// <summary>The regions of the run's events (its own and the <c>--also</c> principals').</summary>
    public IReadOnlySet<string> CallRegions { get; } = new SortedSet<string>(Watched.Events.Select(RegionOf).OfType<string>(), StringComparer.Ordinal);

    /// <summary>The state of a region for the run line: <c>complete</c>, <c>incomplete</c> or <c>refused</c>.</summary>
    public string State(string region) => Refused.ContainsKey(region) ? "refused"
        : Watched.Complete.TryGetValue(region, out bool complete) && complete ? "complete" : "incomplete";

    private static string? RegionOf(byte[] json)
    {
        using TrailSift.Core.Events.EventRecord r = TrailSift.Core.Events.EventRecord.Parse(json);
        return r.AwsRegion is { Kind: TrailSift.Core.Json.JsonKind.String } a ? a.GetString() : null;
    }
}
