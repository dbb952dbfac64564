using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TrailSift.Core.Aws;

namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>
/// The CloudTrail <c>LookupEvents</c> API as a thin JSON-1.1 client on <see cref="AwsClient"/> (no AWSSDK.CloudTrail here):
/// pages replay the token with exactly the same parameters, requests keep to the API's 2 per second per account and
/// region through a process-wide <see cref="TokenBucket"/> per account and region (the account from
/// <c>sts:GetCallerIdentity</c> when the caller does not give it, asked once per access key), and
/// <c>ThrottlingException</c> backs off and retries (<see cref="AwsClient"/>).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class CloudTrailLookup : IDisposable
{
    /// <summary>The operation's X-Amz-Target.</summary>
    public const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

    /// <summary>LookupEvents requests per second per account and region (the documented quota).</summary>
    public const double RequestsPerSecond = 2;

    private static readonly ConcurrentDictionary<string, TokenBucket> Buckets = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Accounts = new(StringComparer.Ordinal);
    private readonly AwsClient _client;
    private readonly AwsConnection _connection;
    private string? _account;

    /// <summary>Creates a client over <paramref name="connection"/>.</summary>
    /// <param name="connection">Credentials, endpoints and retry settings.</param>
    /// <param name="account">The account the credentials belong to, when known (else asked of STS before the first request).</param>
    /// <param name="time">The clock of signatures, backoff and pacing.</param>
    /// <param name="handler">The HTTP handler (tests).</param>
    public CloudTrailLookup(AwsConnection connection, string? account = null, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        TimeProvider clock = time ?? TimeProvider.System;
        _connection = connection;
        _account = account;
        _client = new AwsClient(connection, AwsService.CloudTrail,
            region => Buckets.GetOrAdd($"{_account}|{region}", _ => new TokenBucket(RequestsPerSecond, 1, clock)), clock, handler);
    }

    /// <summary>The account whose quota the requests count against (its id; <c>key:ACCESS_KEY</c> when STS could not say), once known.</summary>
    public string? Account => _account;

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
        _account ??= await AccountAsync(_connection).ConfigureAwait(false);
        byte[] answer = await _client.JsonAsync(request.Region, Target, Body(request, nextToken), cancel).ConfigureAwait(false);
        return Parse(answer);
    }

    // The credentials' account, asked once per access key; when STS does not answer, the key stands for its account
    // (a key belongs to one account, so the pacing is then per key) and the next lookup asks again.
    private static async Task<string> AccountAsync(AwsConnection connection)
    {
        string key = connection.Credentials.GetCredentials().AccessKey ?? "anonymous";
        Lazy<Task<string?>> ask = Accounts.GetOrAdd(key, _ => new Lazy<Task<string?>>(async () =>
        {
            try
            {
                return AwsSts.AccountOf(await AwsSts.CallerArnAsync(connection).ConfigureAwait(false));
            }
            catch (AwsServiceException)
            {
                return null;
            }
        }));
        if (await ask.Value.ConfigureAwait(false) is { } account)
        {
            return account;
        }

        Accounts.TryRemove(new KeyValuePair<string, Lazy<Task<string?>>>(key, ask));
        return "key:" + key;
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
