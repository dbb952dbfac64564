using System.Text.Json.Nodes;

namespace TrailSift.Tools.TrailGen.Story;

/// <summary>One call in the story, before it is rendered as a CloudTrail record.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ApiCall(DateTimeOffset Time, Principal Who, string Service, string EventName)
{
    /// <summary>The region the call was made in.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary><c>requestParameters</c> (null renders as JSON null).</summary>
    public JsonNode? Request { get; init; }

    /// <summary><c>responseElements</c> (null renders as JSON null).</summary>
    public JsonNode? Response { get; init; }

    /// <summary><c>additionalEventData</c>, when the service writes one.</summary>
    public JsonObject? Additional { get; init; }

    /// <summary><c>errorCode</c>; null for a successful call.</summary>
    public string? ErrorCode { get; init; }

    /// <summary><c>errorMessage</c>.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Whether the call only reads.</summary>
    public bool ReadOnly { get; init; }

    /// <summary><c>resources</c>, when the service lists them.</summary>
    public JsonArray? Resources { get; init; }

    /// <summary>True for data events (S3 object calls).</summary>
    public bool DataEvent { get; init; }

    /// <summary><c>eventType</c>.</summary>
    public string EventType { get; init; } = "AwsApiCall";

    /// <summary>The host the client addressed (tlsDetails); defaults to the service's regional endpoint.</summary>
    public string? Host { get; init; }
}
