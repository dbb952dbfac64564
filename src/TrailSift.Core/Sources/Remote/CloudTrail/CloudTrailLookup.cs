using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TrailSift.Core.Aws;

namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>
/// The CloudTrail <c>LookupEvents</c> API as a thin JSON-1.1 client on <see cref="AwsClient"/> (no AWSSDK.CloudTrail here):
/// pages replay the token with exactly the same parameters, requests keep to the API's 2 per second per account and
/// region through a process-wide <see cref="TokenBucket"/> per access key and region (one key belongs to one
/// account), and <c>ThrottlingException</c> backs off and retries (<see cref="AwsClient"/>).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class CloudTrailLookup : IDisposable
{
    /// <summary>The operation's X-Amz-Target.</summary>
    public const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

    /// <summary>LookupEvents requests per second per account and region (the documented quota).</summary>
    public const double RequestsPerSecond = 2;

    private static readonly ConcurrentDictionary<string, TokenBucket> Buckets = new(StringComparer.Ordinal);
    private readonly AwsClient _client;
    private readonly Lazy<string> _key;

    /// <summary>Creates a client over <paramref name="connection"/>.</summary>
    public CloudTrailLookup(AwsConnection connection, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        TimeProvider clock = time ?? TimeProvider.System;
        _key = new Lazy<string>(() => connection.Credentials.GetCredentials().AccessKey ?? "anonymous");
        _client = new AwsClient(connection, AwsService.CloudTrail,
            region => Buckets.GetOrAdd($"{_key.Value}|{region}", _ => new TokenBucket(RequestsPerSecond, 1, clock)), clock, handler);
    }

    /// <summary>The underlying client (request, retry and throttling counts).</summary>
    public AwsClient Client => _client;

    /// <summary>Every page of <paramref name="request"/>, in the API's order (newest first).</summary>
    /// <exception cref="AwsServiceException">The API refused a page, or no answer came after the retries.</exception>
    public async IAsyncEnumerable<LookupPage> PagesAsync(LookupRequest request, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        string? token = null;
        do
        {
            LookupPage page = await PageAsync(request, token, cancel).ConfigureAwait(false);
            yield return page;
            token = page.NextToken;
        }
        while (token is not null);
    }

    /// <summary>One page: the request's parameters and <paramref name="nextToken"/>.</summary>
    public async Task<LookupPage> PageAsync(LookupRequest request, string? nextToken, CancellationToken cancel = default)
    {
        byte[] answer = await _client.JsonAsync(request.Region, Target, Body(request, nextToken), cancel).ConfigureAwait(false);
        return Parse(answer);
    }

    /// <summary>The JSON body of a request (the same for every page but the token).</summary>
    public static byte[] Body(LookupRequest request, string? nextToken)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (request.Attribute is { } a)
            {
                w.WriteStartArray("LookupAttributes");
                w.WriteStartObject();
                w.WriteString("AttributeKey", a.Key);
                w.WriteString("AttributeValue", a.Value);
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteNumber("StartTime", request.Start.ToUnixTimeSeconds());
            w.WriteNumber("EndTime", request.End.ToUnixTimeSeconds());
            w.WriteNumber("MaxResults", LookupRequest.PageSize);
            if (nextToken is not null)
            {
                w.WriteString("NextToken", nextToken);
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an answer: each event's <c>CloudTrailEvent</c> string, unescaped to its UTF-8 bytes.</summary>
    /// <exception cref="AwsServiceException">The answer is not a LookupEvents result.</exception>
    public static LookupPage Parse(byte[] answer)
    {
        try
        {
            using var doc = JsonDocument.Parse(answer);
            var events = new List<byte[]>();
            if (doc.RootElement.TryGetProperty("Events", out JsonElement list))
            {
                foreach (JsonElement e in list.EnumerateArray())
                {
                    if (e.TryGetProperty("CloudTrailEvent", out JsonElement text) && text.ValueKind == JsonValueKind.String)
                    {
                        events.Add(System.Text.Encoding.UTF8.GetBytes(text.GetString()!));
                    }
                }
            }

            string? token = doc.RootElement.TryGetProperty("NextToken", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new LookupPage(events, string.IsNullOrEmpty(token) ? null : token);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new AwsServiceException("MalformedAnswer", string.Create(CultureInfo.InvariantCulture, $"LookupEvents answered something that is not its JSON result ({answer.Length} bytes)"), null, null, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
