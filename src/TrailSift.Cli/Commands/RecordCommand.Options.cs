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
internal sealed record RunInfo(RecordOptions Options, int ExitCode, TrailSift.Core.Analysis.Recording.RecordedRun Run, IReadOnlyList<string> Regions,
    TrailSift.Core.Sources.Remote.CloudTrail.WatchResult Watched, string SessionName);
