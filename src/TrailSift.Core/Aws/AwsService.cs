namespace TrailSift.Core.Aws;

/*! Aws: the shared AWS plumbing of the thin service clients (CloudTrail, STS, IAM) and the S3 source: settings,
    credentials through AWSSDK.Core's chain, endpoint resolution as the SDKs do it, SigV4 signing with AWSSDK.Core's
    signer, JSON-1.1 and query-protocol calls, retries with backoff, token buckets. Depends on Common only. */

/// <summary>
/// An AWS service as the wire sees it: the endpoint prefix of its host name, the SigV4 signing name and the SDK
/// service id that names its <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable.
/// </summary>
/// <param name="EndpointPrefix">First label of the default host name (<c>cloudtrail</c> in <c>cloudtrail.us-east-1.amazonaws.com</c>).</param>
/// <param name="SigningName">The service in the SigV4 credential scope.</param>
/// <param name="ServiceId">The SDK service id (<c>CloudTrail</c>, <c>STS</c>, <c>IAM</c>, <c>S3</c>).</param>
/// <param name="GlobalRegion">For a global service (IAM), the one region its default endpoint and signatures use; null for regional services.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AwsService(string EndpointPrefix, string SigningName, string ServiceId, string? GlobalRegion = null)
{
    /// <summary>AWS CloudTrail (JSON 1.1).</summary>
    public static readonly AwsService CloudTrail = new("cloudtrail", "cloudtrail", "CloudTrail");

    /// <summary>AWS Security Token Service (query protocol), regional endpoints.</summary>
    public static readonly AwsService Sts = new("sts", "sts", "STS");

    /// <summary>AWS Identity and Access Management (query protocol), one global endpoint signed for us-east-1.</summary>
    public static readonly AwsService Iam = new("iam", "iam", "IAM", "us-east-1");

    /// <summary>Amazon S3.</summary>
    public static readonly AwsService S3 = new("s3", "s3", "S3");

    /// <summary>
    /// The service's environment variable as the SDKs derive it: <c>AWS_ENDPOINT_URL_</c> and the service id in upper case,
    /// spaces and dashes as underscores (<c>AWS_ENDPOINT_URL_CLOUDTRAIL</c>).
    /// </summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
}
