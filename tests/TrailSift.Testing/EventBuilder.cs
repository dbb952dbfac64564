using System.Text.Json.Nodes;

namespace TrailSift.Testing;

/// <summary>Builds CloudTrail events for tests with sensible defaults.</summary>
public sealed class EventBuilder
{
    private readonly JsonObject _event;
    private static int _counter;

    /// <summary>Starts an event.</summary>
    public EventBuilder(string eventSource = "ec2.amazonaws.com", string eventName = "DescribeInstances")
    {
        int n = Interlocked.Increment(ref _counter);
        _event = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = "IAMUser",
                ["principalId"] = "AIDAEXAMPLE",
                ["arn"] = "arn:aws:iam::123456789012:user/alice",
                ["accountId"] = "123456789012",
                ["userName"] = "alice",
            },
            ["eventTime"] = "2024-05-01T10:00:00Z",
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = "us-east-1",
            ["sourceIPAddress"] = "192.0.2.10",
            ["userAgent"] = "aws-cli/2.15.0",
            ["requestParameters"] = null,
            ["responseElements"] = null,
            ["eventID"] = $"00000000-0000-0000-0000-{n:D12}",
            ["eventType"] = "AwsApiCall",
            ["recipientAccountId"] = "123456789012",
        };
    }

    /// <summary>Sets a top-level field.</summary>
    public EventBuilder With(string field, JsonNode? value)
    {
        _event[field] = value;
        return this;
    }

    /// <summary>Sets the event time.</summary>
    public EventBuilder At(string isoTime) => With("eventTime", isoTime);

    /// <summary>Sets an error.</summary>
    public EventBuilder Error(string code, string? message = null)
    {
        _event["errorCode"] = code;
        if (message is not null)
        {
            _event["errorMessage"] = message;
        }

        return this;
    }

    /// <summary>Makes the caller an assumed-role session of <paramref name="role"/>.</summary>
    public EventBuilder AsRole(string role, string session = "session", string account = "123456789012")
    {
        _event["userIdentity"] = new JsonObject
        {
            ["type"] = "AssumedRole",
            ["principalId"] = $"AROAEXAMPLE:{session}",
            ["arn"] = $"arn:aws:sts::{account}:assumed-role/{role}/{session}",
            ["accountId"] = account,
            ["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject
                {
                    ["type"] = "Role",
                    ["principalId"] = "AROAEXAMPLE",
                    ["arn"] = $"arn:aws:iam::{account}:role/{role}",
                    ["accountId"] = account,
                    ["userName"] = role,
                },
                ["attributes"] = new JsonObject { ["creationDate"] = "2024-05-01T09:00:00Z", ["mfaAuthenticated"] = "false" },
            },
        };
        return this;
    }

    /// <summary>The event as compact JSON.</summary>
    public string Json() => _event.ToJsonString();

    /// <summary>A CloudTrail file body holding <paramref name="events"/>.</summary>
    public static string RecordsFile(IEnumerable<string> events) => "{\"Records\":[" + string.Join(",", events) + "]}";
}
