using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Replay;

// Which resources a tagging event names, as ledger keys: EC2 ids, queue ARNs from queue URLs, other ARNs.
public sealed partial class TagLedger
{
    private static readonly string[] ArnFields = ["resourceArn", "ResourceArn", "resourceARN", "ResourceARN", "resource", "arn", "resourceId", "ResourceId", "ResourceName"];
    private static readonly string[] ArnListFields = ["resourceArns", "ResourceArns", "ResourceArnList", "resourceArnList"];

    // Creations whose request tags the new resource: the response field holding its id (EC2) or ARN (EMR's cluster,
    // tagged by RunJobFlow's Tags).
    private static readonly Dictionary<string, (string Type, string[] IdPath)> Creations = new(StringComparer.Ordinal)
    {
        ["RunJobFlow"] = ("cluster", ["clusterArn"]),
        ["CreateVolume"] = ("volume", ["volumeId"]),
        ["CreateSnapshot"] = ("snapshot", ["snapshotId"]),
        ["CreateSecurityGroup"] = ("security-group", ["groupId"]),
        ["CreateVpc"] = ("vpc", ["vpc", "vpcId"]),
        ["CreateSubnet"] = ("subnet", ["subnet", "subnetId"]),
        ["CreateNetworkInterface"] = ("network-interface", ["networkInterface", "networkInterfaceId"]),
        ["CreateImage"] = ("image", ["imageId"]),
    };

    /// <summary>The resource type a creating call tags through its request (<c>instance</c> for RunInstances), or null.</summary>
    private static string? CreatedType(string name) =>
        name == "RunInstances" ? "instance" : Creations.TryGetValue(name, out var creation) ? creation.Type : null;

    private static IEnumerable<string> Resources(string name, EventRecord record, JsonNode parameters)
    {
        if (Creations.TryGetValue(name, out var ec2))
        {
            JsonNode node = record.Root.GetProperty("responseElements"u8);
            foreach (string field in ec2.IdPath)
            {
                node = node.GetProperty(field);
            }

            if (Text(node) is string id)
            {
                yield return id;
            }

            yield break;
        }

        switch (name)
        {
            case "CreateTags":
            case "DeleteTags":
                foreach (JsonNode item in TagReader.Items(parameters.GetProperty("resourcesSet"u8)))
                {
                    if (Text(item.GetProperty("resourceId"u8)) is string id)
                    {
                        yield return id;
                    }
                }

                yield break;
            case "RunInstances":
                foreach (JsonNode item in TagReader.Items(record.Root.GetProperty("responseElements"u8).GetProperty("instancesSet"u8)))
                {
                    if (Text(item.GetProperty("instanceId"u8)) is string id)
                    {
                        yield return id;
                    }
                }

                yield break;
            case "TagQueue":
            case "UntagQueue":
                if (Text(parameters.GetProperty("queueUrl"u8)) is string url && QueueArn(url, Text(record.AwsRegion)) is string arn)
                {
                    yield return arn;
                }

                yield break;
        }

        foreach (string field in ArnListFields)
        {
            foreach (JsonNode item in TagReader.Items(parameters.GetProperty(field)))
            {
                if (Text(item) is string arn)
                {
                    yield return KeyOf(arn);
                }
            }
        }

        foreach (string field in ArnFields)
        {
            if (Text(parameters.GetProperty(field)) is string arn)
            {
                yield return KeyOf(arn);
                yield break;
            }
        }
    }

    // https://sqs.us-east-1.amazonaws.com/123456789012/name → arn:aws:sqs:us-east-1:123456789012:name
    internal static string? QueueArn(string url, string? region)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return null;
        }

        string[] parts = uri.AbsolutePath.Trim('/').Split('/');
        string[] host = uri.Host.Split('.');
        string? queueRegion = host.Length > 2 && host[0] == "sqs" ? host[1] : region;
        return parts.Length == 2 && queueRegion is not null ? $"arn:aws:sqs:{queueRegion}:{parts[0]}:{parts[1]}" : null;
    }
}
