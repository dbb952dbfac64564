using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// What resource building reads from one event: <c>requestParameters</c>, <c>responseElements</c>, the ARNs of the
/// <c>resources</c> field, and the partition, region and account that fill ARN templates.
/// </summary>
/// <remarks>Holds <see cref="JsonNode"/>s, so it is valid only while the event is; one per call, not shared.</remarks>
internal sealed class EventContext
{
    private EventContext(JsonNode request, JsonNode response, List<(string Arn, string? Account)> resources,
        string partition, string region, string account, string? messageArn)
    {
        MessageArn = messageArn;
        Request = request;
        Response = response;
        Resources = resources;
        Partition = partition;
        Region = region;
        Account = account;
    }

    public JsonNode Request { get; }

    public JsonNode Response { get; }

    /// <summary>ARNs (or ARN prefixes) of the <c>resources</c> field with their owner account.</summary>
    public List<(string Arn, string? Account)> Resources { get; }

    public string Partition { get; }

    /// <summary>For a denied call: the ARN its message names after "on resource:" (checked against a template before use).</summary>
    public string? MessageArn { get; }

    /// <summary>The resources the call creates, collected while its resources are built.</summary>
    public List<CreatedResource> Created { get; } = [];

    /// <summary>The operation being mapped (set by the mapper).</summary>
    public string Operation { get; set; } = string.Empty;

    public string Region { get; }

    /// <summary><c>recipientAccountId</c>, else <c>userIdentity.accountId</c>, else empty.</summary>
    public string Account { get; }

    public static EventContext From(EventRecord record)
    {
        JsonNode root = record.Root;
        string region = Text(record.AwsRegion) ?? string.Empty;
        string account = Text(record.RecipientAccountId) ?? Text(record.UserIdentity.GetProperty("accountId"u8)) ?? string.Empty;
        var resources = new List<(string, string?)>();
        foreach (JsonNode item in root.GetProperty("resources"u8).EnumerateChildren())
        {
            if (item.Kind != JsonKind.Object)
            {
                continue;
            }

            string? arn = Text(item.GetProperty("ARN"u8)) ?? Text(item.GetProperty("ARNPrefix"u8)) ?? Text(item.GetProperty("arn"u8));
            if (arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal))
            {
                resources.Add((arn, Text(item.GetProperty("accountId"u8))));
            }
        }

        return new EventContext(root.GetProperty("requestParameters"u8), root.GetProperty("responseElements"u8), resources,
            PartitionOf(region, Text(record.UserIdentity.GetProperty("arn"u8))), region, account,
            record.ErrorCode.Kind == JsonKind.String ? MessageArnOf(Text(record.ErrorMessage)) : null);
    }

    /// <summary>The ARN after "on resource: " in a denial message, up to the next space; null when there is none.</summary>
    internal static string? MessageArnOf(string? message)
    {
        const string Marker = "on resource: ";
        int at = message?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        string rest = message![(at + Marker.Length)..];
        int end = rest.IndexOfAny([' ', '"', '\n']);
        string arn = (end < 0 ? rest : rest[..end]).TrimEnd('.', ',', ';');
        return arn.StartsWith("arn:", StringComparison.Ordinal) && !arn.Contains('*', StringComparison.Ordinal) ? arn : null;
    }

    /// <summary>The partition: from the region (<c>cn-</c>, <c>us-gov-</c>, …), else the caller's ARN, else <c>aws</c>.</summary>
    internal static string PartitionOf(string region, string? callerArn)
    {
        if (Arn.PartitionOfRegion(region) is { } partition)
        {
            return partition;
        }

        if (region.Length == 0 && callerArn is not null && Arn.TryParse(callerArn, out Arn arn) && !arn.PartitionSpan.IsEmpty)
        {
            return arn.Partition;
        }

        return "aws";
    }

    private static string? Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : null;
}
