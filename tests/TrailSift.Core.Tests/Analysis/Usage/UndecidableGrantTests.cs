using System.Text;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Policy;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>A grant whose condition reads a key CloudTrail never shows (principal tags): possibly used, kept with its condition.</summary>
public sealed class UndecidableGrantTests
{
    private const string Details = """
        {"RoleDetailList":[{"RoleName":"tagged","Arn":"arn:aws:iam::123456789012:role/tagged","RolePolicyList":[
          {"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[
            {"Sid":"TeamOnly","Effect":"Allow","Action":["ec2:DescribeInstances","ec2:DescribeVolumes"],"Resource":"*",
             "Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}}]}}]}]}
        """;

    private static PrincipalUsage Run()
    {
        var reader = new AuthorizationDetailsReader();
        reader.Add(Encoding.UTF8.GetBytes(Details), "tagged.json");
        string[] events = [new EventBuilder("ec2.amazonaws.com", "DescribeInstances").AsRole("tagged").At("2025-03-01T10:00:00Z").Json()];
        return UsageRun.Run(reader.Build(), events, ["arn:aws:iam::123456789012:role/tagged"]).Principals[0];
    }

    [Fact]
    public void Should_Say_Possibly_Used_When_Decision_Depends_On_Unknown_Keys()
    {
        // When
        PrincipalUsage role = Run();
        GrantUsage describe = role.Grants.Single(g => g.Action == "ec2:DescribeInstances");

        // Then
        Assert.Equal(UsageVerdict.Used, describe.Verdict);
        Assert.Equal(0, describe.Calls);
        Assert.Equal(1, describe.UndecidableCalls);
        Assert.StartsWith("possibly used: 1 call(s)", describe.Reason, StringComparison.Ordinal);
        Assert.Equal(UsageVerdict.Unused, role.Grants.Single(g => g.Action == "ec2:DescribeVolumes").Verdict);
    }

    [Fact]
    public void Should_Keep_Condition_And_Drop_Unused_Action_When_Reducing_Possibly_Used_Grant()
    {
        // When
        ReducedPolicy reduced = Run().Reduced;

        // Then: the undecidable call stays possible, under the same condition; no decidable request to replay
        Statement statement = Assert.Single(reduced.Document.Statements);
        Assert.Equal(["ec2:DescribeInstances"], statement.Action!.Values.ToArray());
        Assert.Equal("aws:PrincipalTag/team", Assert.Single(statement.Conditions).Key);
        Assert.Equal(0, reduced.Verification.Requests);
    }

    [Fact]
    public void Should_Build_On_The_Decided_Statement_When_An_Earlier_One_Only_Could_Allow()
    {
        // Given: the first statement allows under a condition on an unknown key, the second without a condition
        const string Both = """
            {"RoleDetailList":[{"RoleName":"tagged","Arn":"arn:aws:iam::123456789012:role/tagged","RolePolicyList":[
              {"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[
                {"Sid":"TeamOnly","Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*",
                 "Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}},
                {"Sid":"Anyone","Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}}]}]}
            """;
        var reader = new AuthorizationDetailsReader();
        reader.Add(Encoding.UTF8.GetBytes(Both), "both.json");
        string[] events = [new EventBuilder("ec2.amazonaws.com", "DescribeInstances").AsRole("tagged").At("2025-03-01T10:00:00Z").Json()];

        // When
        ReducedPolicy reduced = UsageRun.Run(reader.Build(), events, ["arn:aws:iam::123456789012:role/tagged"]).Principals[0].Reduced;

        // Then: the reduced statement is the unconditioned one, so the replay still allows the call
        Statement statement = Assert.Single(reduced.Document.Statements);
        Assert.Empty(statement.Conditions);
        Assert.Equal((1L, true), (reduced.Verification.Requests, reduced.Verification.Passed));
    }
}
