using System.Text;
using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Tests.Analysis.Replay;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The input is read once: calls of principals whose policies read resource tags wait for the whole input's tagging
/// facts; allowed requests are kept per distinct request, not per call.
/// </summary>
public sealed class OnePassTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted";
    private const string PlainRole = "Plain";
    private const string PlainRoleArn = "arn:aws:iam::123456789012:role/Plain";

    private static AuthorizationDetails Details(string condition)
    {
        string json = $$$"""
            {"RoleDetailList":[{"RoleName":"EMR_DefaultRole_Restricted","Arn":"{{{RoleArn}}}","RolePolicyList":[
              {"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":["ec2:TerminateInstances","ec2:DescribeInstances"],"Resource":"*"{{{condition}}}}]}}]}]}
            """;
        var reader = new AuthorizationDetailsReader();
        Assert.True(reader.Add(Encoding.UTF8.GetBytes(json), "tags.json"));
        return reader.Build();
    }

    private static string Terminate(string time) =>
        ReplayFixtures.Ec2("TerminateInstances", time, """{"instancesSet":{"items":[{"instanceId":"i-0aaa"}]}}""").Json();

    private static string Tag(string time) =>
        ReplayFixtures.Ec2("CreateTags", time, ReplayFixtures.TagParameters(["arn:aws:ec2:us-east-1:123456789012:instance/i-0aaa", "i-0aaa"], ("team", "data"))).Json();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_Use_Tags_Seen_By_Another_Worker_When_Policy_Reads_Resource_Tags(bool callFirst)
    {
        // Given: the call reaches one worker, the earlier tagging call the other (events alternate between the two), the
        // worker whose ledger takes the other's being either
        AuthorizationDetails details = Details(""","Condition":{"StringEquals":{"ec2:ResourceTag/team":"data"}}""");
        string call = Terminate("2025-06-03T18:00:00Z");
        string tag = Tag("2025-06-03T15:00:00Z");
        string[] events = callFirst ? [call, tag] : [tag, call];

        // When
        PrincipalUsage role = UsageRun.Run(details, events, [RoleArn], workers: 2).Principals[0];

        // Then: decided (allowed through the tag), not undecidable, and replayed against the reduced policy
        GrantUsage terminate = role.Grants.Single(g => g.Action == "ec2:TerminateInstances");
        Assert.Equal((UsageVerdict.Used, 1L, 0L), (terminate.Verdict, terminate.Calls, terminate.UndecidableCalls));
        Assert.Equal((1L, true), (role.Reduced.Verification.Requests, role.Reduced.Verification.Passed));
    }

    [Fact]
    public void Should_Count_Calls_But_Keep_One_Request_When_Calls_Differ_Only_In_Keys_No_Policy_Reads()
    {
        // Given: three terminations of one instance at different times
        AuthorizationDetails details = Details(string.Empty);
        string[] events = [Terminate("2025-06-03T18:00:00Z"), Terminate("2025-06-03T18:05:00Z"), Terminate("2025-06-04T09:00:00Z")];

        // When
        PrincipalUsage role = UsageRun.Run(details, events, [RoleArn], workers: 2).Principals[0];

        // Then
        ObservedRequest request = Assert.Single(Observed(details, events));
        Assert.Equal(3, request.Count);
        Assert.Equal((3L, 3L), (role.Reduced.Verification.Requests, role.Reduced.Verification.StillAllowed));
        Assert.Equal(3, role.Grants.Single(g => g.Action == "ec2:TerminateInstances").Calls);
    }

    [Fact]
    public void Should_Keep_Requests_Apart_When_A_Policy_Reads_The_Differing_Key()
    {
        // Given: the policy reads aws:CurrentTime, so each call's time matters
        AuthorizationDetails details = Details(""","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}""");
        string[] events = [Terminate("2025-06-03T18:00:00Z"), Terminate("2025-06-03T18:05:00Z")];

        // When
        ObservedRequest[] requests = Observed(details, events);

        // Then
        Assert.Equal([1L, 1L], requests.Select(r => r.Count).ToArray());
    }

    [Fact]
    public void Should_Report_As_One_Worker_Does_When_Two_Workers_See_Principals_Judged_During_And_After_The_Scan()
    {
        // Given: one role whose policy reads resource tags (its calls judged after the scan), one whose policy does not,
        // their calls and the first role's tagging call alternating between two workers
        AuthorizationDetails details = MixedDetails();
        string plain = new EventBuilder("ec2.amazonaws.com", "TerminateInstances").AsRole(PlainRole).At("2025-06-03T19:00:00Z")
            .With("requestParameters", JsonNode.Parse("""{"instancesSet":{"items":[{"instanceId":"i-0bbb"}]}}""")).Json();
        string[] events = [Tag("2025-06-03T15:00:00Z"), Terminate("2025-06-03T18:00:00Z"), plain, Terminate("2025-06-03T18:05:00Z"), plain, plain];
        string[] arns = [RoleArn, PlainRoleArn];

        // When
        UsageReport two = UsageRun.Run(details, events, arns, workers: 2);
        UsageReport one = UsageRun.Run(details, events, arns, workers: 1);

        // Then: per principal, the calls, verdicts and replay the one worker (no merge) reports
        Assert.Equal(2, two.Principals.Count);
        for (int i = 0; i < 2; i++)
        {
            PrincipalUsage mine = two.Principals[i];
            PrincipalUsage oracle = one.Principals[i];
            Assert.Equal(oracle.Calls, mine.Calls);
            Assert.Equal(
                oracle.Grants.Select(g => (g.Action, g.Verdict, g.Calls, g.UndecidableCalls)),
                mine.Grants.Select(g => (g.Action, g.Verdict, g.Calls, g.UndecidableCalls)));
            Assert.Equal(
                (oracle.Reduced.Verification.Requests, oracle.Reduced.Verification.Passed),
                (mine.Reduced.Verification.Requests, mine.Reduced.Verification.Passed));
        }

        Assert.Equal((3L, 3L), (two.Principals[0].Calls, two.Principals[1].Calls));
        Assert.Equal(UsageVerdict.Used, two.Principals[0].Grants.Single(g => g.Action == "ec2:TerminateInstances").Verdict);
    }

    // The tag-reading role of Details and a role allowed the same actions without a condition.
    private static AuthorizationDetails MixedDetails()
    {
        string json = $$$$"""
            {"RoleDetailList":[
              {"RoleName":"EMR_DefaultRole_Restricted","Arn":"{{{{RoleArn}}}}","RolePolicyList":[{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":["ec2:TerminateInstances","ec2:DescribeInstances"],"Resource":"*","Condition":{"StringEquals":{"ec2:ResourceTag/team":"data"}}}]}}]},
              {"RoleName":"{{{{PlainRole}}}}","Arn":"{{{{PlainRoleArn}}}}","RolePolicyList":[{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":["ec2:TerminateInstances","ec2:DescribeInstances"],"Resource":"*"}]}}]}]}
            """;
        var reader = new AuthorizationDetailsReader();
        Assert.True(reader.Add(Encoding.UTF8.GetBytes(json), "mixed.json"));
        return reader.Build();
    }

    private static ObservedRequest[] Observed(AuthorizationDetails details, string[] events)
    {
        Assert.True(details.TryFindPrincipal(RoleArn, out IamEntity? role));
        var scope = new UsageScope(details, [details.Resolve(role)]);
        var collector = new UsageCollector(scope);
        foreach (string json in events)
        {
            using var record = TrailSift.Core.Events.EventRecord.Parse(json);
            collector.Accept(record);
        }

        return [.. UsageCollector.Complete([collector]).Observed(0).AllowedRequests];
    }
}
