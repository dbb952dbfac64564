namespace TrailSift.Core.Analysis.Denied;

/// <summary>Credential failures (expired or invalid tokens) of one principal with one error code: not permission problems.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AuthFailureGroup
{
    /// <summary>The principal (the role for sessions), or the identity type when the event names no ARN.</summary>
    public required string Principal { get; init; }

    /// <summary>The error code (<c>ExpiredToken</c>, <c>InvalidClientTokenId</c>).</summary>
    public required string ErrorCode { get; init; }

    /// <summary>The number of calls.</summary>
    public long Count { get; init; }

    /// <summary>The earliest call.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>The latest call.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Sample event ids (at most five, earliest first).</summary>
    public required IReadOnlyList<string> EventIds { get; init; }
}
