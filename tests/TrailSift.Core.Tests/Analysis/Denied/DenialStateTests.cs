using TrailSift.Core.Analysis.Denied;

namespace TrailSift.Core.Tests.Analysis.Denied;

/// <summary>
/// A denial group keeps a bounded list of the other resources the mapping derived; what it keeps must not depend on
/// the event order or on how the scan split the events across workers (`denied --policy` on the 1 GiB bench trail
/// gave different documents from run to run when each worker kept its first 32 and the merge kept both).
/// </summary>
public sealed class DenialStateTests
{
    [Fact]
    public void Should_Keep_The_Same_Smallest_Resources_When_The_Events_Come_In_Another_Order_Or_Split_Across_Workers()
    {
        // Given 100 resources, in order and shuffled, seen by one worker or by two
        string[] resources = [.. Enumerable.Range(0, 100).Select(static i => $"arn:aws:ec2:us-east-1::image/ami-{i:D3}")];
        string[] shuffled = [.. resources.OrderBy(static r => r.GetHashCode(StringComparison.Ordinal))];

        // When
        var one = new DenialState();
        foreach (string r in resources)
        {
            DenialState.AddBounded(one.MappedResources, [r]);
        }

        var first = new DenialState();
        var second = new DenialState();
        for (int i = 0; i < shuffled.Length; i++)
        {
            DenialState.AddBounded((i % 2 == 0 ? first : second).MappedResources, [shuffled[i]]);
        }

        first.Merge(second);

        // Then both keep exactly the 32 first in ordinal order
        Assert.Equal(resources.Take(DenialState.MaxListed), one.MappedResources);
        Assert.Equal(resources.Take(DenialState.MaxListed), first.MappedResources);
    }

    [Fact]
    public void Should_Mark_The_List_Cut_Short_Only_When_A_Distinct_Resource_Was_Left_Out()
    {
        // Given 32 resources seen twice, and 33 resources split across two workers
        string[] resources = [.. Enumerable.Range(0, 33).Select(static i => $"arn:aws:ec2:us-east-1::image/ami-{i:D3}")];
        var full = new DenialState();
        full.AddMappedResources(resources.Take(32));
        full.AddMappedResources(resources.Take(32));
        var first = new DenialState();
        var second = new DenialState();
        first.AddMappedResources(resources.Take(20));
        second.AddMappedResources(resources.Skip(20));

        // When
        first.Merge(second);

        // Then
        Assert.False(full.MappedResourcesTruncated);
        Assert.DoesNotContain(DeniedNotes.MappedResourcesTruncated, full.Notes);
        Assert.True(first.MappedResourcesTruncated);
        Assert.Contains(DeniedNotes.MappedResourcesTruncated, first.Notes);
        Assert.Equal(DenialState.MaxListed, first.MappedResources.Count);
    }
}
