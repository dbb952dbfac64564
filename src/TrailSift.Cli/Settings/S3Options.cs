namespace TrailSift.Cli.Settings;

/// <summary>Options for reading <c>s3://bucket[/prefix]</c> paths, shared by the scanning commands and <c>sync</c>.</summary>
public static class S3Options
{
    private const string S3 = "Reading from S3 (s3://bucket[/prefix] paths)";

    public static readonly OptionSpec Profile = new("profile", OptionArity.Single, "AWS profile of ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE, then the standard chain)", "NAME", Group: S3);
    public static readonly OptionSpec S3Region = new("s3-region", OptionArity.Single, "region the S3 client starts in (default: AWS_REGION, the profile's, us-east-1); the bucket's own region is discovered", "REGION", Group: S3);
    public static readonly OptionSpec EndpointUrl = new("endpoint-url", OptionArity.Single, "S3-compatible endpoint, path-style addressing (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL)", "URL", Group: S3);
    public static readonly OptionSpec NoSignRequest = new("no-sign-request", OptionArity.Flag, "send unsigned requests (public buckets)", Group: S3);
    public static readonly OptionSpec Concurrency = new("s3-concurrency", OptionArity.Single, "concurrent S3 requests (default: 8 per core, 8 to 64)", "N", Group: S3);
    public static readonly OptionSpec Cache = new("cache", OptionArity.Single, "keep fetched objects in DIR (default: $XDG_CACHE_HOME/trailsift or ~/.cache/trailsift)", "DIR", Group: S3);
    public static readonly OptionSpec NoCache = new("no-cache", OptionArity.Flag, "neither read nor write the object cache", Group: S3);

    /// <summary>All S3 options.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [Profile, S3Region, EndpointUrl, NoSignRequest, Concurrency, Cache, NoCache];
}
