using System.Net;
using System.Security.Authentication;
using Amazon.Runtime;
using Amazon.S3;
using TrailSift.Core.Aws;

namespace TrailSift.Core.Sources.Remote;

/// <summary>One-line, actionable descriptions of S3 failures (the <c>&lt;reason&gt;</c> of <c>trailsift: &lt;path&gt;: &lt;reason&gt;</c>).</summary>
internal static class S3ErrorText
{
    public const string NoCredentials = AwsConnection.NoCredentials + ", or --no-sign-request for a public bucket";

    /// <summary>Describes a failed listing of <paramref name="prefix"/> in <paramref name="bucket"/>.</summary>
    public static string ForList(Exception e, string bucket, string prefix) => Describe(e, bucket,
        $"access denied: listing needs s3:ListBucket on arn:aws:s3:::{bucket} (prefix '{prefix}')");

    /// <summary>Describes a failed GET of <paramref name="key"/>.</summary>
    public static string ForGet(Exception e, string bucket, string key) => Describe(e, bucket,
        $"access denied: reading needs s3:GetObject on arn:aws:s3:::{bucket}/{key}");

    /// <summary>True for failures that a later attempt may not meet (throttling, server errors, dropped connections).</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        S3AccessException => false,
        _ when TlsFailure(e) is not null => false,
        AmazonServiceException s => (int)s.StatusCode >= 500 || s.StatusCode == HttpStatusCode.TooManyRequests
            || s.ErrorCode is "SlowDown" or "Throttling" or "ThrottlingException" or "RequestTimeout" or "InternalError" or "ServiceUnavailable"
            || (s.StatusCode == 0 && s.InnerException is not null && IsTransient(s.InnerException)),
        AmazonClientException c => c.InnerException is not null && IsTransient(c.InnerException),
        IOException or HttpRequestException or TimeoutException => true,
        TaskCanceledException t => t.InnerException is TimeoutException,
        _ => false,
    };

    private static string Describe(Exception e, string bucket, string denied)
    {
        if (TlsFailure(e) is { } tls)
        {
            return $"the endpoint's TLS certificate was not accepted ({OneLine(tls.Message)}): for a private certificate authority, set AWS_CA_BUNDLE to a PEM file of its certificate";
        }

        switch (e)
        {
            case S3AccessException a:
                return a.Message;
            case AmazonServiceException s:
                return s.ErrorCode switch
                {
                    "NoSuchBucket" => $"no such bucket '{bucket}'",
                    "AccessDenied" or "AllAccessDisabled" => denied,
                    "ExpiredToken" or "TokenRefreshRequired" or "RequestExpired" =>
                        $"the AWS credentials have expired ({s.ErrorCode}): refresh them (for example 'aws sso login' or new temporary keys) and retry",
                    "InvalidToken" => "the AWS session token is not valid (InvalidToken): refresh the credentials",
                    "InvalidAccessKeyId" => "the AWS access key id is not known to S3 (InvalidAccessKeyId): check the profile or AWS_ACCESS_KEY_ID",
                    "SignatureDoesNotMatch" => "the request signature does not match (SignatureDoesNotMatch): check the secret access key",
                    "NoSuchKey" => "no such key",
                    "PreconditionFailed" => "the object changed while it was read (its ETag no longer matches)",
                    "PermanentRedirect" => $"bucket '{bucket}' is in another region and the region could not be discovered: pass --s3-region",
                    _ when s.StatusCode == HttpStatusCode.Forbidden => denied,
                    _ when s.StatusCode == HttpStatusCode.NotFound => $"not found (404) in bucket '{bucket}'",
                    { Length: > 0 } code => $"{code}: {OneLine(s.Message)}",
                    _ => $"HTTP {(int)s.StatusCode}: {OneLine(s.Message)}",
                };
            case AmazonClientException c when c.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase):
                return NoCredentials;
            case AmazonClientException c:
                return OneLine(c.InnerException?.Message ?? c.Message);
            default:
                return OneLine(e.Message);
        }
    }

    // A TLS handshake the client refused (an untrusted or mismatched certificate), anywhere in the chain: retrying
    // cannot help, and "see inner exception" is all the outer message says.
    private static AuthenticationException? TlsFailure(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is AuthenticationException a)
            {
                return a;
            }
        }

        return null;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").TrimEnd('.', ' ');
}
