using TrailSift.Core.Common;
using TrailSift.Core.Events;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// What resource building reads from one event: <c>requestParameters</c>, <c>responseElements</c>, the ARNs of the
/// <c>resources</c> field, and the partition, region and account that fill ARN templates.
/// </summary>
/// <remarks>Holds <see cref="JsonNode"/>s, so it is valid only while the event is; one per call, not shared.</remarks>
internal sealed class EventContext
{
    private EventContext(JsonNode request, JsonNode response, List<(string Arn, string? Account)> resources,
        string partition, string region, string account)
    {
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
            PartitionOf(region, Text(record.UserIdentity.GetProperty("arn"u8))), region, account);
    }

    /// <summary>The partition: from the region (<c>cn-</c>, <c>us-gov-</c>, …), else the caller's ARN, else <c>aws</c>.</summary>
    internal static string PartitionOf(string region, string? callerArn)
    {
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "aws-cn";
        }

        if (region.StartsWith("us-gov-", StringComparison.Ordinal))
        {
            return "aws-us-gov";
        }

        if (region.StartsWith("us-iso-", StringComparison.Ordinal))
        {
            return "aws-iso";
        }

        if (region.StartsWith("us-isob-", StringComparison.Ordinal))
        {
            return "aws-iso-b";
        }

        if (region.Length == 0 && callerArn is not null && Arn.TryParse(callerArn, out Arn arn) && !arn.PartitionSpan.IsEmpty)
        {
            return arn.Partition;
        }

        return "aws";
    }

    private static string? Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : null;
}
