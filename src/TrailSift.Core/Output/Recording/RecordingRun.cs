namespace TrailSift.Core.Output.Recording;

/// <summary>What one run of <c>trailsift record</c> did: the line <see cref="RecordingWriter.RunLine"/> writes to the sidecar.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record RecordingRun
{
    /// <summary>The recorded command and its arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>The command's exit code.</summary>
    public required int ExitCode { get; init; }

    /// <summary>When the command started.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>When the command ended.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>The run's session name.</summary>
    public required string SessionName { get; init; }

    /// <summary>The role the command ran under (<c>--role</c>), or null.</summary>
    public string? Role { get; init; }

    /// <summary>The access key of the run's session, or null.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The session's source identity, or null.</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>Without a role: the caller's ARN, or null.</summary>
    public string? CallerArn { get; init; }

    /// <summary>Principals acting for the command (<c>--also</c>).</summary>
    public IReadOnlyList<string> Also { get; init; } = [];

    /// <summary>Each region considered and its state (<c>complete</c>, <c>incomplete</c>, <c>refused</c>), in ordinal order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Regions { get; init; } = [];

    /// <summary>The regions of the run's events.</summary>
    public IReadOnlyCollection<string> CallRegions { get; init; } = [];

    /// <summary>Why the wait was interrupted, or null.</summary>
    public string? Interrupted { get; init; }

    /// <summary>The number of this run's events.</summary>
    public required int Events { get; init; }
}
