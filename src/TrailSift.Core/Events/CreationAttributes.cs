using System.Collections.Immutable;
using TrailSift.Core.Common;
using TrailSift.Core.Json;

namespace TrailSift.Core.Events;

/// <summary>
/// Condition-key values a resource gets when it is created and that its later calls are authorised with, read from the
/// creating event exactly as it states them, never derived: an EC2 instance's <c>ec2:InstanceProfile</c> (the
/// profile ARN each <c>RunInstances</c> response item gives), a network interface's <c>ec2:Subnet</c> and
/// <c>ec2:Vpc</c> (the ids of the <c>CreateNetworkInterface</c> response with its owner and region).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CreationAttributes
{
    /// <summary>The key of an instance's profile (an ARN).</summary>
    public const string InstanceProfileKey = "ec2:InstanceProfile";

    /// <summary>The key of a network interface's subnet (an ARN).</summary>
    public const string SubnetKey = "ec2:Subnet";

    /// <summary>The key of a network interface's VPC (an ARN).</summary>
    public const string VpcKey = "ec2:Vpc";

    /// <summary>The keys every condition on these attributes compares as ARNs.</summary>
    public static ImmutableArray<string> Keys { get; } = [InstanceProfileKey, SubnetKey, VpcKey];

    /// <summary>
    /// True for a call that changes an attribute of an existing resource (an instance's profile association): after it,
    /// the creation's value no longer holds.
    /// </summary>
    public static bool ChangesAttributes(string eventName) => eventName is "AssociateIamInstanceProfile"
        or "ReplaceIamInstanceProfileAssociation" or "DisassociateIamInstanceProfile";

    /// <summary>
    /// The resource ids (<c>i-…</c>) whose attributes a successful <see cref="ChangesAttributes"/> call changed: the
    /// request's <c>instanceId</c>, or the association's instance in the response.
    /// </summary>
    public static IEnumerable<string> ChangedResources(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        JsonNode request = record.Root.GetProperty("requestParameters"u8);
        JsonNode association = record.Root.GetProperty("responseElements"u8).GetProperty("iamInstanceProfileAssociation"u8);
        foreach (JsonNode node in (JsonNode[])[request.GetProperty("instanceId"u8), association.GetProperty("instanceId"u8)])
        {
            if (node.Kind == JsonKind.String)
            {
                yield return node.GetString();
            }
        }
    }

    /// <summary>
    /// The attributes of each resource a successful creating call made, by resource id (<c>i-…</c>, <c>eni-…</c>): the
    /// values the event states, and the keys it shows to be absent (an instance launched with no profile at all).
    /// A key neither given nor shown absent is unknown. Empty for other calls.
    /// </summary>
    public static List<(string Id, ImmutableArray<KeyValuePair<string, string>> Values, ImmutableArray<string> Absent)> Read(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var result = new List<(string, ImmutableArray<KeyValuePair<string, string>>, ImmutableArray<string>)>();
        if (record.EventName.Kind != JsonKind.String || record.ErrorCode.Kind == JsonKind.String)
        {
            return result;
        }

        JsonNode response = record.Root.GetProperty("responseElements"u8);
        if (record.EventName.StringEquals("RunInstances"u8))
        {
            // The request names no profile at all: every instance of the launch has none.
            bool requestedNone = record.Root.GetProperty("requestParameters"u8).GetProperty("iamInstanceProfile"u8).Kind == JsonKind.Undefined;
            foreach (JsonNode item in TagReader.Items(response.GetProperty("instancesSet"u8)))
            {
                if (Text(item.GetProperty("instanceId"u8)) is not string id)
                {
                    continue;
                }

                JsonNode profile = item.GetProperty("iamInstanceProfile"u8);
                if (Text(profile.GetProperty("arn"u8)) is string arn && arn.StartsWith("arn:", StringComparison.Ordinal))
                {
                    result.Add((id, [new(InstanceProfileKey, arn)], []));
                }
                else if (requestedNone && profile.Kind == JsonKind.Undefined)
                {
                    result.Add((id, [], [InstanceProfileKey]));
                }
            }
        }
        else if (record.EventName.StringEquals("CreateNetworkInterface"u8))
        {
            JsonNode eni = response.GetProperty("networkInterface"u8);
            string? region = Text(record.AwsRegion);
            if (Text(eni.GetProperty("networkInterfaceId"u8)) is string id && Text(eni.GetProperty("ownerId"u8)) is string owner && region is not null)
            {
                var values = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
                if (Text(eni.GetProperty("subnetId"u8)) is string subnet)
                {
                    values.Add(new(SubnetKey, $"arn:{Partition(region)}:ec2:{region}:{owner}:subnet/{subnet}"));
                }

                if (Text(eni.GetProperty("vpcId"u8)) is string vpc)
                {
                    values.Add(new(VpcKey, $"arn:{Partition(region)}:ec2:{region}:{owner}:vpc/{vpc}"));
                }

                if (values.Count > 0)
                {
                    result.Add((id, values.ToImmutable(), []));
                }
            }
        }

        return result;
    }

    private static string Partition(string region) => Arn.PartitionOfRegion(region) ?? "aws";

    private static string? Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : null;
}
