using System.Collections.Immutable;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The reduced policy finds the use behind each piece of evidence by a binary search of the sorted uses
/// (<see cref="ReducedPolicyBuilder.UseOf"/>); the oracle is the dictionary by (action, resource) it replaces.
/// </summary>
public sealed class ReducedPolicyUseLookupTests
{
    [Fact]
    public void Should_Find_The_Use_The_Dictionary_Finds_When_Actions_And_Resources_Differ_In_Case_And_Prefixes()
    {
        // Given: uses sorted as the collector sorts them (ordinal action, then ordinal resource), each pair once
        string[] actions = ["s3:GetObject", "s3:GetObjectAcl", "S3:GetObject", "ec2:RunInstances", "s3:getobject"];
        string[] resources = ["*", "arn:aws:s3:::b", "arn:aws:s3:::b/a", "arn:aws:s3:::b/a/", "arn:aws:s3:::B/a", "arn:aws:s3:::b/é", "arn:aws:s3:::b/ab"];
        var random = new Random(7);
        PermissionUse[] uses = [.. actions.SelectMany(a => resources.Where(_ => random.Next(4) > 0).Select(r => new PermissionUse
        {
            Action = a,
            Resource = r,
            Decision = Decision.Allowed,
        }))];
        Array.Sort(uses, static (x, y) =>
        {
            int c = string.CompareOrdinal(x.Action, y.Action);
            return c != 0 ? c : string.CompareOrdinal(x.Resource, y.Resource);
        });
        var byKey = uses.ToDictionary(static u => (u.Action, u.Resource));

        // When, then: every pair is found, the same object
        foreach (PermissionUse use in uses)
        {
            Assert.Same(byKey[(use.Action, use.Resource)], ReducedPolicyBuilder.UseOf(ImmutableArray.Create(uses), use.Action, use.Resource));
        }

        Assert.Throws<KeyNotFoundException>(() => ReducedPolicyBuilder.UseOf(ImmutableArray.Create(uses), "s3:PutObject", "*"));
    }
}
