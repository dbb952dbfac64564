using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrailSift.Testing.Aws;

/// <summary>Writes CloudTrail events (record format 1.08, as documented) for loopback calls and added events.</summary>
public static partial class LoopbackTrailEvents
{
    /// <summary>The event CloudTrail writes for a call and its answer.</summary>
    public static LoopbackEvent FromCall(LoopbackCall call, LoopbackReply reply)
    {
        (string name, string parameters, bool management, bool readOnly) = Describe(call);
        string? errorCode = reply.Status >= 300 ? ErrorCode(reply) : null;
        return Create(call.Region, call.Time, call.Identity, $"{call.Service}.amazonaws.com", name, parameters, errorCode,
            errorCode is null ? null : $"loopback answered {reply.Status}", readOnly, management, call.UserAgent, call.RequestId);
    }

    /// <summary>An event with the given fields; the id is derived from the request id, so the same call always gives the same event.</summary>
    public static LoopbackEvent Create(string region, DateTimeOffset time, LoopbackIdentity identity, string eventSource, string eventName,
        string requestParameters, string? errorCode, string? errorMessage, bool readOnly, bool management, string userAgent, string requestId)
    {
        DateTimeOffset seconds = DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
        string eventId = new Guid(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(requestId + "|" + eventName))).ToString();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("eventVersion", "1.08");
            WriteIdentity(w, identity, seconds);
            w.WriteString("eventTime", seconds.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("eventSource", eventSource);
            w.WriteString("eventName", eventName);
            w.WriteString("awsRegion", region);
            w.WriteString("sourceIPAddress", "127.0.0.1");
            w.WriteString("userAgent", userAgent);
            if (errorCode is not null)
            {
                w.WriteString("errorCode", errorCode);
                w.WriteString("errorMessage", errorMessage ?? errorCode);
            }

            w.WritePropertyName("requestParameters");
            w.WriteRawValue(requestParameters);
            w.WriteNull("responseElements");
            w.WriteString("requestID", requestId);
            w.WriteString("eventID", eventId);
            w.WriteBoolean("readOnly", readOnly);
            w.WriteString("eventType", "AwsApiCall");
            w.WriteBoolean("managementEvent", management);
            w.WriteString("recipientAccountId", LoopbackIdentity.Account);
            w.WriteString("eventCategory", management ? "Management" : "Data");
            w.WriteEndObject();
        }

        return new LoopbackEvent(eventId, seconds, region, eventSource, eventName, identity, readOnly, management, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteIdentity(Utf8JsonWriter w, LoopbackIdentity identity, DateTimeOffset time)
    {
        w.WriteStartObject("userIdentity");
        w.WriteString("type", identity.Type);
        w.WriteString("principalId", identity.PrincipalId);
        w.WriteString("arn", identity.Arn);
        w.WriteString("accountId", LoopbackIdentity.Account);
        w.WriteString("accessKeyId", identity.AccessKeyId);
        if (identity.Type == "IAMUser")
        {
            w.WriteString("userName", identity.UserName);
        }
        else if (identity.RoleArn is { } role)
        {
            w.WriteStartObject("sessionContext");
            w.WriteStartObject("sessionIssuer");
            w.WriteString("type", "Role");
            w.WriteString("principalId", identity.PrincipalId.Split(':')[0]);
            w.WriteString("arn", role);
            w.WriteString("accountId", LoopbackIdentity.Account);
            w.WriteString("userName", role[(role.LastIndexOf('/') + 1)..]);
            w.WriteEndObject();
            w.WriteStartObject("attributes");
            w.WriteString("creationDate", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("mfaAuthenticated", "false");
            w.WriteEndObject();
            if (identity.SourceIdentity is { } source)
            {
                w.WriteString("sourceIdentity", source);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    // Event name, requestParameters (camelCase keys, as CloudTrail writes them), management or data, read-only.
    private static (string Name, string Parameters, bool Management, bool ReadOnly) Describe(LoopbackCall call)
    {
        if (call.Protocol == AwsProtocol.Rest)
        {
            return DescribeS3(call);
        }

        var parameters = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (call.Protocol == AwsProtocol.Query)
        {
            foreach ((string name, string value) in call.Parameters.Where(p => p.Key is not ("Action" or "Version")))
            {
                parameters[Camel(name)] = value;
            }
        }
        else if (call.Body.Length > 0)
        {
            using var doc = JsonDocument.Parse(call.Body);
            foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            {
                parameters[Camel(p.Name)] = p.Value.Clone();
            }
        }

        bool readOnly = ReadPrefix().IsMatch(call.Operation);
        return (call.Operation, parameters.Count == 0 ? "null" : JsonSerializer.Serialize(parameters), true, readOnly);
    }

    private static (string, string, bool, bool) DescribeS3(LoopbackCall call)
    {
        string method = call.Operation[..call.Operation.IndexOf(' ', StringComparison.Ordinal)];
        string[] path = call.Operation[(method.Length + 1)..].TrimStart('/').Split('/', 2);
        string bucket = Uri.UnescapeDataString(path[0]);
        string? key = path.Length > 1 && path[1].Length > 0 ? Uri.UnescapeDataString(path[1]) : null;
        string host = call.Headers["Host"] ?? "127.0.0.1";
        bool tagging = call.Query["tagging"] is not null || (call.Query.AllKeys?.Contains(null) == true && call.Query.GetValues(null)!.Contains("tagging"));
        (string name, bool management) = (method, bucket.Length == 0, key is null) switch
        {
            ("GET", true, _) => ("ListBuckets", true),
            ("PUT", false, true) when tagging => ("PutBucketTagging", true),
            ("PUT", false, true) => ("CreateBucket", true),
            ("DELETE", false, true) => ("DeleteBucket", true),
            ("GET", false, true) => ("ListObjects", false),
            ("HEAD", false, true) => ("HeadBucket", false),
            ("PUT", false, false) => ("PutObject", false),
            ("GET", false, false) => ("GetObject", false),
            ("HEAD", false, false) => ("HeadObject", false),
            ("DELETE", false, false) => ("DeleteObject", false),
            _ => (method + "Unknown", true),
        };
        var parameters = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["Host"] = host };
        if (bucket.Length > 0)
        {
            parameters["bucketName"] = bucket;
        }

        if (key is not null)
        {
            parameters["key"] = key;
        }

        return (name, JsonSerializer.Serialize(parameters), management, method is "GET" or "HEAD");
    }

    private static string? ErrorCode(LoopbackReply reply)
    {
        string text = Encoding.UTF8.GetString(reply.Body);
        Match m = ErrorCodePattern().Match(text);
        return m.Success ? (m.Groups[1].Success && m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : m.Groups[2].Value) : $"Http{reply.Status}";
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^(Get|List|Describe|Lookup|Head)")]
    private static partial Regex ReadPrefix();

    [GeneratedRegex(@"""__type"":""(?:[^""#]*#)?([^""]+)""|<Code>([^<]+)</Code>")]
    private static partial Regex ErrorCodePattern();
}
