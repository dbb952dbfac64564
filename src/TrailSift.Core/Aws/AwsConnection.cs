using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace TrailSift.Core.Aws;

/// <summary>
/// <see cref="AwsSettings"/> resolved once: credentials through AWSSDK.Core's standard chain (static keys, then
/// <c>--profile</c>/<c>AWS_PROFILE</c> of the shared files, then the SDK's default chain), the default region, and the
/// endpoint of each service (<see cref="AwsEndpoints"/>).
/// </summary>
/// <remarks>Immutable; thread-safe. Credentials are refreshed by the SDK's <see cref="AWSCredentials"/> when they expire.</remarks>
public sealed class AwsConnection
{
    /// <summary>The region used when neither the settings nor the profile name one.</summary>
    public const string FallbackRegion = "us-east-1";

    private readonly string? _profileEndpoint;
    private readonly bool _profileIgnoresEndpoints;

    private AwsConnection(AwsSettings settings, AWSCredentials credentials, string defaultRegion, string? profileEndpoint, bool profileIgnores)
    {
        Settings = settings;
        Credentials = credentials;
        DefaultRegion = defaultRegion;
        _profileEndpoint = profileEndpoint;
        _profileIgnoresEndpoints = profileIgnores;
    }

    /// <summary>The settings this connection was resolved from.</summary>
    public AwsSettings Settings { get; }

    /// <summary>The credentials requests are signed with.</summary>
    public AWSCredentials Credentials { get; }

    /// <summary>The settings' region, else the profile's, else <see cref="FallbackRegion"/>.</summary>
    public string DefaultRegion { get; }

    /// <summary>Resolves credentials, region and the profile's endpoint settings.</summary>
    /// <exception cref="AwsAccessException">No usable credentials or an unknown profile.</exception>
    public static AwsConnection Resolve(AwsSettings settings)
    {
        var chain = new CredentialProfileStoreChain();
        CredentialProfile? profile = chain.TryGetProfile(settings.Profile ?? "default", out CredentialProfile? p) ? p : null;
        string region = settings.Region ?? profile?.Region?.SystemName ?? FallbackRegion;
        AWSCredentials credentials = ResolveCredentials(settings, chain);
        return new AwsConnection(settings, credentials, region, profile?.EndpointUrl, profile?.IgnoreConfiguredEndpointUrls == true);
    }

    /// <summary>The same settings and endpoints with other credentials (an assumed role's session).</summary>
    public AwsConnection WithCredentials(AWSCredentials credentials) =>
        new(Settings, credentials, DefaultRegion, _profileEndpoint, _profileIgnoresEndpoints);

    /// <summary>The configured endpoint of <paramref name="service"/> (<see cref="AwsEndpoints.Configured"/>), or null for the public one.</summary>
    public Uri? ConfiguredEndpoint(AwsService service) => AwsEndpoints.Configured(Settings, service, _profileEndpoint, _profileIgnoresEndpoints);

    /// <summary>Where a request to <paramref name="service"/> for <paramref name="region"/> goes, and the region it is signed for.</summary>
    public (Uri Endpoint, string SigningRegion) Endpoint(AwsService service, string region)
    {
        Uri? configured = ConfiguredEndpoint(service);
        return (configured ?? AwsEndpoints.Public(service, region), AwsEndpoints.SigningRegion(service, region, configured is not null));
    }

    private static AWSCredentials ResolveCredentials(AwsSettings s, CredentialProfileStoreChain chain)
    {
        if (s.NoSignRequest)
        {
            return new AnonymousAWSCredentials();
        }

        if (s.AccessKeyId is { Length: > 0 } id && s.SecretAccessKey is { Length: > 0 } secret && s.Profile is null)
        {
            return s.SessionToken is { Length: > 0 } token ? new SessionAWSCredentials(id, secret, token) : new BasicAWSCredentials(id, secret);
        }

        if (s.Profile is not null)
        {
            return chain.TryGetAWSCredentials(s.Profile, out AWSCredentials? fromProfile)
                ? fromProfile
                : throw new AwsAccessException($"no AWS profile '{s.Profile}' with usable credentials in the shared config or credentials files (~/.aws/config, ~/.aws/credentials)");
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException e)
        {
            throw new AwsAccessException(NoCredentials, e);
        }
    }

    /// <summary>The message when the SDK's chain finds no credentials.</summary>
    public const string NoCredentials =
        "no AWS credentials found (looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE and the default profile of "
        + "~/.aws/credentials and ~/.aws/config, SSO, web identity, container and instance metadata): "
        + "run 'aws configure' or 'aws sso login', pass --profile";
}
