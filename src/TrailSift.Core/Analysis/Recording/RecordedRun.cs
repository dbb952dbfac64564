namespace TrailSift.Core.Analysis.Recording;

/*! Analysis/Recording: which events of the CloudTrail history belong to one recorded run of a command (its session's
    key, session name or source identity, or its caller, inside the run's window; plus the principals that act for it).
    `record` composes the existing analyses over the recording; this folder only attributes. */

/// <summary>What identifies the calls of one run of <c>trailsift record</c>.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record RecordedRun
{
    /// <summary>When the command started.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>When the command ended.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>When the sentinels were sent: calls of <see cref="Also"/> principals count until then.</summary>
    public required DateTimeOffset AlsoUntil { get; init; }

    /// <summary>The access key of the run's role session (<c>--role</c>), or null.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The run's session name (<c>trailsift-NONCE</c>), or null without <c>--role</c>.</summary>
    public string? SessionName { get; init; }

    /// <summary>The session's source identity (<c>--source-identity</c>), which chained sessions carry on, or null.</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>Without <c>--role</c>: the caller's ARN, whose calls in the window are the run's.</summary>
    public string? CallerArn { get; init; }

    /// <summary>Principals acting for the command (<c>--also</c>: ARNs or names).</summary>
    public IReadOnlyList<string> Also { get; init; } = [];

    /// <summary>First second of the window (CloudTrail times are whole seconds).</summary>
    public long FirstSecond => Start.ToUnixTimeSeconds();

    /// <summary>Last second of the command's own window: the end second and one more, as CloudTrail may round up.</summary>
    public long LastSecond => End.ToUnixTimeSeconds() + 1;

    /// <summary>Last second of the <see cref="Also"/> principals' window.</summary>
    public long AlsoLastSecond => AlsoUntil.ToUnixTimeSeconds();
}
