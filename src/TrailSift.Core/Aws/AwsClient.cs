using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;

namespace TrailSift.Core.Aws;

/// <summary>
/// A thin signed client for one AWS service: JSON 1.1 calls (<c>X-Amz-Target</c>, <see cref="JsonAsync"/>) and
/// query-protocol calls (<c>Action=…&amp;Version=…</c> form posts answered in XML, <see cref="QueryAsync"/>), signed with
/// SigV4 through AWSSDK.Core, retried with backoff on throttling, 5xx and transport errors, optionally paced by a
/// <see cref="TokenBucket"/> per region. For the services whose SDK packages are not available here (CloudTrail, IAM).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed partial class AwsClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Func<string, TokenBucket?> _pace;
    private long _requests;
    private long _retries;
    private long _throttled;

    /// <summary>Creates a client for <paramref name="service"/> over <paramref name="connection"/>.</summary>
    /// <param name="connection">Credentials, endpoints and retry settings.</param>
    /// <param name="service">The service called.</param>
    /// <param name="pace">The token bucket of a region (null: no pacing); called once per request.</param>
    /// <param name="time">The clock of signatures, backoff and pacing.</param>
    /// <param name="handler">The HTTP handler (tests); a new <see cref="SocketsHttpHandler"/> by default.</param>
    public AwsClient(AwsConnection connection, AwsService service, Func<string, TokenBucket?>? pace = null, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        Connection = connection;
        Service = service;
        _pace = pace ?? (_ => null);
        _time = time ?? TimeProvider.System;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseCookies = false, AutomaticDecompression = DecompressionMethods.All }, disposeHandler: handler is null)
        {
            Timeout = connection.Settings.Timeout,
        };
    }

    /// <summary>Credentials, endpoints and retry settings.</summary>
    public AwsConnection Connection { get; }

    /// <summary>The service called.</summary>
    public AwsService Service { get; }

    /// <summary>HTTP requests sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Attempts that were retried.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Answers that were throttling errors.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>A value for the User-Agent (the SDKs' <c>app/</c> id: <c>AWS_SDK_UA_APP_ID</c>).</summary>
    public string? AppId { get; init; }

    /// <summary>
    /// Calls a JSON 1.1 operation: POST of <paramref name="body"/> with <c>X-Amz-Target: <paramref name="target"/></c>
    /// (<c>com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents</c>). Returns the answer's JSON bytes.
    /// </summary>
    /// <exception cref="AwsServiceException">The service answered with an error, or no answer came after the retries.</exception>
    public Task<byte[]> JsonAsync(string region, string target, byte[] body, CancellationToken cancel = default) =>
        SendAsync(region, body, "application/x-amz-json-1.1", target, cancel);

    /// <summary>
    /// Calls a query-protocol operation: a form POST of <c>Action</c>, <c>Version</c> and <paramref name="parameters"/>.
    /// Returns the answer's XML document (<c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…</c>).
    /// </summary>
    /// <exception cref="AwsServiceException">The service answered with an error, or no answer came after the retries.</exception>
    public async Task<XDocument> QueryAsync(string region, string action, string version, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancel = default)
    {
        byte[] body = AwsQueryForm.Encode(action, version, parameters);
        byte[] answer = await SendAsync(region, body, "application/x-www-form-urlencoded; charset=utf-8", null, cancel).ConfigureAwait(false);
        using var stream = new MemoryStream(answer);
        return XDocument.Load(stream);
    }

    private async Task<byte[]> SendAsync(string region, byte[] body, string contentType, string? target, CancellationToken cancel)
    {
        (Uri endpoint, string signingRegion) = Connection.Endpoint(Service, region);
        AwsSettings settings = Connection.Settings;
        for (int attempt = 1; ; attempt++)
        {
            if (_pace(region) is { } bucket)
            {
                await bucket.WaitAsync(cancel).ConfigureAwait(false);
            }

            AwsServiceException failure;
            try
            {
                return await SendOnceAsync(endpoint, signingRegion, body, contentType, target, cancel).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.IsRetryable)
            {
                failure = e;
            }
            catch (HttpRequestException e)
            {
                failure = new AwsServiceException("ConnectionError", e.Message, null, null, e);
            }
            catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
            {
                failure = new AwsServiceException("RequestTimeout", $"no answer within {settings.Timeout.TotalSeconds:0} s", null, null, e);
            }

            if (failure.IsThrottling)
            {
                Interlocked.Increment(ref _throttled);
            }

            if (attempt >= settings.MaxAttempts)
            {
                throw failure;
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(AwsRetry.Delay(settings, attempt, Random.Shared.NextDouble()), _time, cancel).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> SendOnceAsync(Uri endpoint, string signingRegion, byte[] body, string contentType, string? target, CancellationToken cancel)
    {
        ImmutableCredentials credentials = await Connection.Credentials.GetCredentialsAsync().ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Content = content;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType };
        if (target is not null)
        {
            headers["X-Amz-Target"] = target;
        }

        if (Connection.Settings.NoSignRequest is false)
        {
            AwsSigner.Sign(request, headers, body, credentials, signingRegion, Service.SigningName, _time.GetUtcNow().UtcDateTime);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", AppId is { Length: > 0 } app ? $"trailsift app/{app}" : "trailsift");
        Interlocked.Increment(ref _requests);
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancel).ConfigureAwait(false);
        byte[] answer = await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return answer;
        }

        throw AwsErrorReader.Read(response, answer);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
