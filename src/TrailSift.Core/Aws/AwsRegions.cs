using System.Text.RegularExpressions;
using Amazon;

namespace TrailSift.Core.Aws;

/// <summary>
/// The regions of a partition, from AWSSDK.Core's partition metadata (the list the SDK resolves endpoints from):
/// <c>aws</c> for <c>eu-west-1</c>, <c>aws-cn</c> for <c>cn-north-1</c>, and so on. Pseudo-regions such as
/// <c>us-east-1-regional</c> are left out.
/// </summary>
public static partial class AwsRegions
{
    /// <summary>The regions of <paramref name="region"/>'s partition, in name order; just <paramref name="region"/> when the SDK does not know it.</summary>
    public static IReadOnlyList<string> InPartitionOf(string region)
    {
        string? partition = RegionEndpoint.EnumerableAllRegions.FirstOrDefault(r => r.SystemName == region)?.PartitionName;
        if (partition is null)
        {
            return [region];
        }

        return [.. RegionEndpoint.EnumerableAllRegions
            .Where(r => r.PartitionName == partition && RegionName().IsMatch(r.SystemName))
            .Select(r => r.SystemName)
            .Append(region)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionName();
}
