using TrailSift.Core.Analysis.Recording;

namespace TrailSift.Core.Output.Recording;

/// <summary>What one run of <c>trailsift record</c> did: the line <see cref="RecordingWriter.RunLine"/> writes to the sidecar.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record RecordingRun
{
    /// <summary>The recorded command and its arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>The command's exit code.</summary>
    public required int ExitCode { get; init; }

    /// <summary>What identifies the run's calls (window, session key, source identity, caller, <c>--also</c> principals).</summary>
    public required RecordedRun Identity { get; init; }

    /// <summary>The run's session name.</summary>
    public required string SessionName { get; init; }

    /// <summary>The role the command ran under (<c>--role</c>), or null.</summary>
    public string? Role { get; init; }

    /// <summary>Each region considered and its state (<c>complete</c>, <c>incomplete</c>, <c>refused</c>), in ordinal order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Regions { get; init; } = [];

    /// <summary>The regions of the run's events.</summary>
    public IReadOnlyCollection<string> CallRegions { get; init; } = [];

    /// <summary>Why the wait was interrupted, or null.</summary>
    public string? Interrupted { get; init; }

    /// <summary>The number of this run's events.</summary>
    public required int Events { get; init; }
}
