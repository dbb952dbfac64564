using System.Text.Json;
using System.Xml.Linq;
using TrailSift.Core.Aws;

namespace TrailSift.Core.Iam.Authorization.Live;

/// <summary>
/// The IAM calls of <c>unused --iam live</c> and <c>--access-advisor live</c>, over the shared query-protocol client
/// (<see cref="AwsClient"/>; IAM's one global endpoint, signed for us-east-1, or <c>AWS_ENDPOINT_URL_IAM</c>): every page
/// of <c>GetAccountAuthorizationDetails</c> (following <c>Marker</c>), and Access Advisor jobs
/// (<c>GenerateServiceLastAccessedDetails</c>, then <c>GetServiceLastAccessedDetails</c> polled until the job is no longer
/// <c>IN_PROGRESS</c>, every page). Answers are turned into the JSON the AWS CLI prints (<see cref="QueryResultJson"/>), so
/// the offline readers read them and <c>--save-iam</c> writes what <c>aws iam get-account-authorization-details</c> would.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class IamLiveClient : IDisposable
{
    /// <summary>The IAM API version of the query protocol.</summary>
    public const string Version = "2010-05-08";

    private readonly AwsClient _client;
    private readonly TimeProvider _time;

    /// <summary>Creates the client.</summary>
    /// <param name="client">A client for <see cref="AwsService.Iam"/>.</param>
    /// <param name="time">The clock of the polling waits.</param>
    public IamLiveClient(AwsClient client, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The first wait between two polls of an Access Advisor job; doubled each time up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a job may stay <c>IN_PROGRESS</c> before it is given up.</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>IAM calls made.</summary>
    public long Requests => _client.Requests;

    /// <summary>Every page of <c>GetAccountAuthorizationDetails</c>, each as the AWS CLI's JSON for one page.</summary>
    /// <exception cref="AwsServiceException">IAM refused a call (or no answer came after the retries).</exception>
    public async Task<List<byte[]>> AuthorizationDetailsAsync(CancellationToken cancel = default)
    {
        var pages = new List<byte[]>();
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("MaxItems", "1000") };
            if (marker is not null)
            {
                parameters.Add(new("Marker", marker));
            }

            XElement result = await CallAsync("GetAccountAuthorizationDetails", parameters, cancel).ConfigureAwait(false);
            pages.Add(Json(result, []));
            marker = Truncated(result);
        }
        while (marker is not null);
        return pages;
    }

    /// <summary>
    /// Runs an Access Advisor job for <paramref name="arn"/> (<c>ACTION_LEVEL</c>), waits for it, and returns its whole
    /// answer (every page's services) as the AWS CLI's JSON with a <c>PrincipalArn</c> member naming the principal.
    /// </summary>
    /// <exception cref="AwsServiceException">IAM refused a call, the job failed, or it was still running after <see cref="JobTimeout"/>.</exception>
    public async Task<byte[]> ServiceLastAccessedAsync(string arn, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(arn);
        XElement generated = await CallAsync("GenerateServiceLastAccessedDetails", [new("Arn", arn), new("Granularity", "ACTION_LEVEL")], cancel).ConfigureAwait(false);
        string jobId = Child(generated, "JobId") ?? throw new AwsServiceException("InvalidAnswer", "GenerateServiceLastAccessedDetails gave no JobId", null, null);
        DateTimeOffset deadline = _time.GetUtcNow() + JobTimeout;
        TimeSpan wait = PollInterval;
        var services = new List<XElement>();
        XElement? first = null;
        string? marker = null;
        while (true)
        {
            var parameters = new List<KeyValuePair<string, string>> { new("JobId", jobId), new("MaxItems", "1000") };
            if (marker is not null)
            {
                parameters.Add(new("Marker", marker));
            }

            XElement page = await CallAsync("GetServiceLastAccessedDetails", parameters, cancel).ConfigureAwait(false);
            string status = Child(page, "JobStatus") ?? string.Empty;
            if (status == "IN_PROGRESS")
            {
                if (_time.GetUtcNow() >= deadline)
                {
                    throw new AwsServiceException("JobTimeout", $"Access Advisor job {jobId} for {arn} still IN_PROGRESS after {JobTimeout.TotalMinutes:0} min", null, null);
                }

                await Task.Delay(wait, _time, cancel).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxPollInterval.Ticks));
                continue;
            }

            if (status != "COMPLETED")
            {
                string error = page.Elements().FirstOrDefault(e => e.Name.LocalName == "Error") is { } e ? ": " + (Child(e, "Message") ?? Child(e, "Code")) : string.Empty;
                throw new AwsServiceException("JobFailed", $"Access Advisor job {jobId} for {arn} ended {status}{error}", null, null);
            }

            first ??= page;
            services.AddRange(page.Elements().Where(e => e.Name.LocalName == "ServicesLastAccessed").SelectMany(static e => e.Elements()));
            marker = Truncated(page);
            if (marker is null)
            {
                break;
            }
        }

        // One answer: the first page's job fields, every page's services, not truncated.
        XElement head = first!;
        XNamespace ns = head.Name.Namespace;
        var merged = new XElement(head.Name, head.Elements().Where(static e => e.Name.LocalName is not ("ServicesLastAccessed" or "IsTruncated" or "Marker")),
            new XElement(ns + "ServicesLastAccessed", services), new XElement(ns + "IsTruncated", "false"));
        return Json(merged, [new("PrincipalArn", arn)]);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<XElement> CallAsync(string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancel)
    {
        XDocument answer = await _client.QueryAsync(AwsService.Iam.GlobalRegion!, action, Version, parameters, cancel).ConfigureAwait(false);
        return QueryResultJson.Result(answer, action)
            ?? throw new AwsServiceException("InvalidAnswer", $"{action}: the answer has no {action}Result", null, null);
    }

    private static string? Truncated(XElement result) =>
        Child(result, "IsTruncated") == "true" && Child(result, "Marker") is { Length: > 0 } marker ? marker : null;

    private static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static byte[] Json(XElement result, KeyValuePair<string, string>[] extra)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            QueryResultJson.WriteObject(writer, result, extra);
        }

        return buffer.ToArray();
    }
}
