namespace TrailSift.Core.Aws;

/// <summary>
/// How to reach AWS, as the command line resolved it. Core reads no environment variables itself: the CLI passes
/// the profile, region, explicit endpoint, any static keys and the endpoint variables it found
/// (<see cref="FromVariables"/>). Unset values fall back to AWSSDK.Core's own chain (shared config and credentials
/// files, SSO, web identity, container and instance metadata).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AwsSettings
{
    /// <summary>Named profile of the shared config/credentials files (<c>--profile</c>, <c>AWS_PROFILE</c>).</summary>
    public string? Profile { get; init; }

    /// <summary>The default region (<c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>); else the profile's; else us-east-1.</summary>
    public string? Region { get; init; }

    /// <summary>An endpoint for every service, given on the command line (<c>--endpoint-url</c>); wins over the variables.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>The endpoint variables (<c>AWS_ENDPOINT_URL</c>, <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c>).</summary>
    public IReadOnlyDictionary<string, string> EndpointVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>Send unsigned requests (public S3 buckets).</summary>
    public bool NoSignRequest { get; init; }

    /// <summary>Static keys from the environment (<c>AWS_ACCESS_KEY_ID</c> and friends), when the CLI found them; ignored when <see cref="Profile"/> is set.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The secret matching <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>A session token for temporary keys.</summary>
    public string? SessionToken { get; init; }

    /// <summary>Attempts per call before its error is reported (throttling, 5xx, dropped connections).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>First retry delay; doubled per attempt with full jitter, at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed for one HTTP exchange.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Settings from environment variables as the SDKs read them: <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>,
    /// <c>AWS_PROFILE</c> (only without static keys, as the SDK's chain does), <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>
    /// and the endpoint variables; <paramref name="profile"/>, <paramref name="region"/> and <paramref name="endpointUrl"/>
    /// (command-line options) win when given.
    /// </summary>
    public static AwsSettings FromVariables(IReadOnlyDictionary<string, string> variables, string? profile = null, string? region = null, string? endpointUrl = null)
    {
        string? Var(string name) => variables.TryGetValue(name, out string? v) && v.Length > 0 ? v : null;

        string? keyId = Var("AWS_ACCESS_KEY_ID");
        var endpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string value) in variables)
        {
            if (value.Length > 0 && (name.StartsWith(AwsEndpoints.Variable, StringComparison.Ordinal) || name == AwsEndpoints.IgnoreVariable))
            {
                endpoints[name] = value;
            }
        }

        return new AwsSettings
        {
            Profile = profile ?? (keyId is null ? Var("AWS_PROFILE") : null),
            Region = region ?? Var("AWS_REGION") ?? Var("AWS_DEFAULT_REGION"),
            EndpointUrl = endpointUrl,
            EndpointVariables = endpoints,
            AccessKeyId = keyId,
            SecretAccessKey = Var("AWS_SECRET_ACCESS_KEY"),
            SessionToken = Var("AWS_SESSION_TOKEN"),
        };
    }
}
