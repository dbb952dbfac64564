namespace TrailSift.Core.Aws;

/// <summary>
/// Endpoint resolution as the AWS SDKs do it (the "service-specific endpoints" rule): an explicit endpoint
/// (<c>--endpoint-url</c>) wins; then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>; then <c>AWS_ENDPOINT_URL</c>; then the
/// profile's <c>endpoint_url</c>; else the service's public endpoint for the region. <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>
/// (or the profile's <c>ignore_configured_endpoint_urls</c>) disables the variables and the profile but not the explicit endpoint.
/// Not read: the shared config's <c>services</c> sections.
/// </summary>
public static class AwsEndpoints
{
    /// <summary>The general endpoint variable; service-specific ones append <c>_&lt;SERVICE&gt;</c>.</summary>
    public const string Variable = "AWS_ENDPOINT_URL";

    /// <summary>The variable that disables configured endpoints.</summary>
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>The configured endpoint for <paramref name="service"/>, or null when the public endpoint applies.</summary>
    public static Uri? Configured(AwsSettings settings, AwsService service, string? profileEndpoint = null, bool profileIgnores = false)
    {
        if (settings.EndpointUrl is { Length: > 0 } explicitUrl)
        {
            return Parse(explicitUrl, "--endpoint-url");
        }

        bool ignore = profileIgnores
            || (settings.EndpointVariables.TryGetValue(IgnoreVariable, out string? flag) && flag.Equals("true", StringComparison.OrdinalIgnoreCase));
        if (ignore)
        {
            return null;
        }

        if (settings.EndpointVariables.TryGetValue(service.EndpointVariable, out string? specific) && specific.Length > 0)
        {
            return Parse(specific, service.EndpointVariable);
        }

        if (settings.EndpointVariables.TryGetValue(Variable, out string? general) && general.Length > 0)
        {
            return Parse(general, Variable);
        }

        return profileEndpoint is { Length: > 0 } p ? Parse(p, "endpoint_url of the profile") : null;
    }

    /// <summary>The public endpoint of <paramref name="service"/> in <paramref name="region"/> (aws and aws-cn partitions).</summary>
    public static Uri Public(AwsService service, string region)
    {
        bool china = region.StartsWith("cn-", StringComparison.Ordinal);
        string suffix = china ? "amazonaws.com.cn" : "amazonaws.com";
        if (service.GlobalRegion is not null)
        {
            return new Uri(china ? $"https://{service.EndpointPrefix}.cn-north-1.{suffix}/" : $"https://{service.EndpointPrefix}.{suffix}/");
        }

        return new Uri($"https://{service.EndpointPrefix}.{region}.{suffix}/");
    }

    /// <summary>The region a request to <paramref name="service"/> is signed for when the caller means <paramref name="region"/>.</summary>
    public static string SigningRegion(AwsService service, string region, bool configuredEndpoint) =>
        configuredEndpoint || service.GlobalRegion is null ? region
        : region.StartsWith("cn-", StringComparison.Ordinal) ? "cn-north-1" : service.GlobalRegion;

    private static Uri Parse(string url, string from) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new AwsAccessException($"{from}: expected a URL such as http://127.0.0.1:9000, got '{url}'");
}
