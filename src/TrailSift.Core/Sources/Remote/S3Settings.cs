namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// How to reach S3, as the command line resolved it (Core reads no environment variables itself: the CLI
/// passes the endpoint, region, profile and any static keys it found). Unset values fall back to the
/// AWS SDK's own credential chain (shared config and credentials files, SSO, container and instance metadata).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record S3Settings
{
    /// <summary>Named profile of the shared config/credentials files (<c>--profile</c>, <c>AWS_PROFILE</c>).</summary>
    public string? Profile { get; init; }

    /// <summary>Region the client starts in; the bucket's real region is discovered when it differs.</summary>
    public string? Region { get; init; }

    /// <summary>An S3-compatible endpoint (<c>--endpoint-url</c>, <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL</c>); path-style addressing is used with it.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Send unsigned requests (public buckets).</summary>
    public bool NoSignRequest { get; init; }

    /// <summary>Static keys from the environment (<c>AWS_ACCESS_KEY_ID</c> and friends), when the CLI found them.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The secret matching <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>A session token for temporary keys.</summary>
    public string? SessionToken { get; init; }

    /// <summary>Concurrent GET (and LIST) requests.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Fetched bytes buffered per object before its reader catches up (the prefetch memory bound is this times <see cref="Concurrency"/>).</summary>
    public int BufferBytesPerObject { get; init; } = 1024 * 1024;

    /// <summary>Attempts per object before it is reported as failed (throttling, 5xx, dropped connections).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>First retry delay; doubled per attempt (with jitter), at most 5 seconds.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Directory of the object cache, or null for none.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>A PEM file of CA certificates trusted instead of the system's (<c>AWS_CA_BUNDLE</c>), or null.</summary>
    public string? CaBundle { get; init; }
}
