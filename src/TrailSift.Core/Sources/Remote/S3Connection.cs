using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using TrailSift.Core.Aws;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// The AWS SDK side of the S3 reader: credentials resolved once, one client per bucket region (a bucket
/// in another region is discovered from the <c>301 PermanentRedirect</c> / <c>x-amz-bucket-region</c>
/// answer and its client cached), list and get requests. No SDK type leaves this folder. Nothing is looked up
/// before the first request: a run answered wholly from the cache pays no credential lookup and no SDK start-up.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed partial class S3Connection : IDisposable
{
    private readonly S3Settings _settings;
    private readonly Lazy<(AWSCredentials Credentials, string Region)> _identity;
    private readonly Lazy<RunOwnedHttpClients> _httpClients;
    private readonly ConcurrentDictionary<string, AmazonS3Client> _byRegion = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _bucketRegion = new(StringComparer.Ordinal);

    public S3Connection(S3Settings settings)
    {
        _settings = settings;
        _identity = new Lazy<(AWSCredentials, string)>(() => ResolveCredentials(settings), LazyThreadSafetyMode.ExecutionAndPublication);
        _httpClients = new Lazy<RunOwnedHttpClients>(() => new RunOwnedHttpClients(settings.CaBundle), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public S3Settings Settings => _settings;

    /// <summary>Looks the credentials up now; throws <see cref="S3AccessException"/> when there are none.</summary>
    public void ResolveNow() => _ = _identity.Value;

    /// <summary>One ListObjectsV2 page.</summary>
    public async Task<ListObjectsV2Response> ListAsync(string bucket, string prefix, string? startAfter, string? continuation, SourceCounts counts, CancellationToken cancel)
    {
        var request = new ListObjectsV2Request
        {
            BucketName = bucket,
            Prefix = prefix,
            Delimiter = "/",
            ContinuationToken = continuation,
            StartAfter = continuation is null ? startAfter : null,
        };
        return await WithRegion(bucket, c =>
        {
            counts.AddListRequest();
            return c.ListObjectsV2Async(request, cancel);
        }).ConfigureAwait(false);
    }

    /// <summary>A GET of the object from <paramref name="offset"/>, only while its ETag is <paramref name="etag"/>.</summary>
    public Task<GetObjectResponse> GetAsync(string bucket, string key, string? etag, long offset, long size, CancellationToken cancel)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = key };
        if (etag is { Length: > 0 })
        {
            request.EtagToMatch = etag;
        }

        if (offset > 0)
        {
            request.ByteRange = new ByteRange(offset, Math.Max(offset, size - 1));
        }

        return WithRegion(bucket, c => c.GetObjectAsync(request, cancel));
    }

    private async Task<T> WithRegion<T>(string bucket, Func<AmazonS3Client, Task<T>> call)
    {
        // Throws S3AccessException (no credentials) at the first request, the same one for every later request.
        string region = _bucketRegion.GetValueOrDefault(bucket, _identity.Value.Region);
        try
        {
            return await call(Client(region)).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (IsWrongRegion(e))
        {
            string? actual = await DiscoverRegion(bucket, e).ConfigureAwait(false);
            if (actual is null || actual == region)
            {
                throw;
            }

            _bucketRegion[bucket] = actual;
            return await call(Client(actual)).ConfigureAwait(false);
        }
    }

    private static bool IsWrongRegion(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.MovedPermanently
        || e.ErrorCode is "PermanentRedirect" or "AuthorizationHeaderMalformed" or "IllegalLocationConstraintException";

    private async Task<string?> DiscoverRegion(string bucket, AmazonS3Exception e)
    {
        if ((RegionHeader(e) ?? RegionInBody(e.ResponseBody)) is { } found)
        {
            return found;
        }

        try
        {
            // HeadBucket answers with x-amz-bucket-region wherever the bucket is.
            HeadBucketResponse head = await Client("us-east-1").HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }).ConfigureAwait(false);
            return string.IsNullOrEmpty(head.BucketRegion) ? null : head.BucketRegion;
        }
        catch (AmazonS3Exception again)
        {
            return RegionHeader(again) ?? RegionInBody(again.ResponseBody);
        }
    }

    // S3 names a bucket's region in x-amz-bucket-region on redirects and HeadBucket answers; the SDK keeps the
    // HTTP response on the inner HttpErrorResponseException.
    private static string? RegionHeader(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is Amazon.Runtime.Internal.HttpErrorResponseException { Response: { } response }
                && response.GetHeaderValue("x-amz-bucket-region") is { Length: > 0 } region)
            {
                return region;
            }
        }

        return null;
    }

    // <Error><Code>PermanentRedirect</Code>...<Region>eu-west-1</Region> (or AuthorizationHeaderMalformed's
    // <Region>), else the region inside <Endpoint>bucket.s3.eu-west-1.amazonaws.com</Endpoint>.
    internal static string? RegionInBody(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        Match m = RegionElement().Match(body);
        if (m.Success)
        {
            return m.Groups[1].Value;
        }

        m = EndpointElement().Match(body);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<Region>([a-z0-9-]+)</Region>")]
    private static partial Regex RegionElement();

    [GeneratedRegex(@"<Endpoint>[^<]*\bs3[.-]([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com</Endpoint>")]
    private static partial Regex EndpointElement();

    private AmazonS3Client Client(string region) => _byRegion.GetOrAdd(region, r =>
    {
        var config = new AmazonS3Config
        {
            MaxErrorRetry = 3,
            Timeout = TimeSpan.FromSeconds(60),
            // Listing and GETs need no request checksum; responses are still validated when S3 sends a checksum.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            // The client owns its HttpClient (instead of sharing the SDK's process-wide one), so disposing it at the end
            // of the run closes its connections: the run's resources are released with the run, whoever hosts it.
            HttpClientFactory = _httpClients.Value,
        };
        if (_settings.EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = r;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(r);
        }

        return new AmazonS3Client(_identity.Value.Credentials, config);
    });

    private static (AWSCredentials Credentials, string Region) ResolveCredentials(S3Settings s)
    {
        try
        {
            AwsConnection c = AwsConnection.Resolve(new AwsSettings
            {
                Profile = s.Profile,
                Region = s.Region,
                NoSignRequest = s.NoSignRequest,
                AccessKeyId = s.AccessKeyId,
                SecretAccessKey = s.SecretAccessKey,
                SessionToken = s.SessionToken,
            });
            return (c.Credentials, c.DefaultRegion);
        }
        catch (AwsAccessException e)
        {
            throw new S3AccessException(e.Message == AwsConnection.NoCredentials ? S3ErrorText.NoCredentials : e.Message, e);
        }
    }

    public void Dispose()
    {
        foreach (AmazonS3Client c in _byRegion.Values)
        {
            c.Dispose();
        }
    }
}
