using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;
using TrailSift.Testing;
using EventRecord = TrailSift.Core.Events.EventRecord;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The EMR sample (samples/emr-launch) with tests/data/iam/authorization/emr-broad.json: the service role holds a broad
/// managed policy in the style of AWS's default EMR role (v2 default; v1 is the old tag-conditioned one) and an inline
/// policy allowing the EMR queues in us-east-1 only and denying PurgeQueue.
/// </summary>
public sealed class EmrUnusedTests
{
    private static readonly Lazy<UsageReport> Report = new(() =>
        UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn, UsageRun.DeployerArn]));

    private static PrincipalUsage Role => Report.Value.Principals[0];

    private static Statement[] ReducedAllows(string action) =>
        [.. Role.Reduced.Document.Statements.Where(s => s.Effect == Effect.Allow && s.Action!.Values.Contains(action))];

    [Fact]
    public void Should_Judge_Used_Exactly_The_Actions_The_Role_Called_When_Policy_Is_Broad()
    {
        // Given: the story's calls by the role (samples/emr-launch/README.md), checked with zcat | jq
        string[] expected =
        [
            "ec2:CreateTags", "ec2:DescribeInstances", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:RunInstances",
            "ec2:TerminateInstances", "iam:PassRole", "sqs:CreateQueue", "sqs:DeleteQueue",
        ];

        // When
        string[] used = [.. Role.Grants.Where(g => g.Verdict == UsageVerdict.Used && g.PolicyIndex == 1).Select(g => g.Action)];

        // Then
        Assert.Equal(expected, used);
        GrantUsage runInstances = Role.Grants.Single(g => g.PolicyIndex == 1 && g.Action == "ec2:RunInstances");
        Assert.Equal(12, runInstances.Calls);             // 8 successful + 4 denied launches by the role
        Assert.Equal(4, runInstances.DeniedAtTheTime);    // Client.UnauthorizedOperation under the old tag-conditioned policy
        Assert.Equal(8, Role.Grants.Single(g => g.PolicyIndex == 1 && g.Action == "ec2:CreateTags").Calls);
        Assert.Equal(2, Role.Grants.Single(g => g.PolicyIndex == 0 && g.Action == "sqs:CreateQueue").DeniedAtTheTime);
    }

    [Theory]
    [InlineData("ec2:ModifyInstanceAttribute", UsageVerdict.Unused)]
    [InlineData("cloudwatch:PutMetricAlarm", UsageVerdict.Unused)]
    [InlineData("sdb:Select", UsageVerdict.Unused)]
    [InlineData("s3:GetObject", UsageVerdict.NotVisible)]      // data events exist, but none by this role
    [InlineData("s3:ListAllMyBuckets", UsageVerdict.Unused)]   // a management event
    [InlineData("sqs:ReceiveMessage", UsageVerdict.NotVisible)] // no SQS data events at all
    [InlineData("sqs:DeleteMessage", UsageVerdict.NotVisible)]
    public void Should_Give_Each_Unused_Grant_Its_Reason_When_Role_Did_Not_Call_It(string action, UsageVerdict verdict)
    {
        GrantUsage grant = Role.Grants.Single(g => g.PolicyIndex == 1 && g.Action == action);
        Assert.Equal(verdict, grant.Verdict);
        Assert.DoesNotContain(UsageVerdict.NoData, Role.Grants.Select(g => g.Verdict)); // the input covers account and time
    }

    [Fact]
    public void Should_Keep_RunInstances_On_Observed_Resources_When_Reducing()
    {
        // When
        Statement run = Assert.Single(ReducedAllows("ec2:RunInstances"));

        // Then: the generator's patterns for the observed launches, never "*"
        Assert.Equal(
        [
            "arn:aws:ec2:us-east-1:123456789012:instance/*",
            "arn:aws:ec2:us-east-1:123456789012:network-interface/*",
            "arn:aws:ec2:us-east-1:123456789012:security-group/sg-07b9e2d4a6c1f3508",
            "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0c3f5a1e9b7d24e86",
            "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0e4c7b21d9a35f6a8",
            "arn:aws:ec2:us-east-1::image/ami-0f2b8d4c6a1e3957b",
        ], run.Resource!.Values.ToArray());
        Statement terminate = Assert.Single(ReducedAllows("ec2:TerminateInstances"));
        Assert.Equal(12, terminate.Resource!.Values.Length);
        Assert.All(terminate.Resource.Values, r => Assert.StartsWith("arn:aws:ec2:us-east-1:123456789012:instance/i-", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Keep_Emr_Queues_With_Their_Condition_When_Reducing()
    {
        // When
        Statement queues = Assert.Single(ReducedAllows("sqs:CreateQueue"));

        // Then: the inline statement allowed them; its region condition, which every call met, stays
        Assert.Equal(["sqs:CreateQueue", "sqs:DeleteQueue"], queues.Action!.Values.ToArray());
        Assert.Equal(["arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-*"], queues.Resource!.Values.ToArray());
        PolicyCondition condition = Assert.Single(queues.Conditions);
        Assert.Equal("aws:RequestedRegion", condition.Key);
        Assert.Contains(Role.Reduced.Statements, s => s.Kind == ReducedStatementKind.Deny && s.Statement.Sid == "NoQueuePurge");
    }

    [Fact]
    public void Should_Resolve_PassRole_From_Instance_Profile_When_RunInstances_Implies_It()
    {
        Statement pass = Assert.Single(ReducedAllows("iam:PassRole"));
        Assert.Equal(["arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole"], pass.Resource!.Values.ToArray());
    }

    [Fact]
    public void Should_Drop_Unused_Grants_And_Keep_Not_Visible_Ones_Flagged_When_Reducing()
    {
        // Given
        var reduced = new PolicySet(identityPolicies: [Role.Reduced.Document]);

        // Then: no unused action is allowed anywhere; every not-visible one is kept, in a flagged statement
        foreach (GrantUsage grant in Role.Grants.Where(g => g.Verdict == UsageVerdict.Unused))
        {
            Assert.NotEqual(Decision.Allowed, Decide(reduced, grant.Action, "arn:aws:ec2:us-east-1:123456789012:instance/i-0000000000000000a"));
            Assert.NotEqual(Decision.Allowed, Decide(reduced, grant.Action, "*"));
        }

        foreach (GrantUsage grant in Role.Grants.Where(g => g.Verdict == UsageVerdict.NotVisible))
        {
            Assert.Contains(Role.Reduced.Statements, s => s.Kind == ReducedStatementKind.NotVisible && s.Statement.Action!.Values.Contains(grant.Action));
        }
    }

    [Fact]
    public void Should_Allow_Every_Call_Allowed_Before_When_Reduced_Policy_Is_Replayed()
    {
        // The builder's own replay
        Assert.True(Role.Reduced.Verification.Passed, string.Join("\n", Role.Reduced.Verification.Lost));
        Assert.Equal(134, Role.Reduced.Verification.Requests);

        // A second path: `check`'s CallChecker over the raw events, current policies versus the reduced one
        PolicySet before = Role.Policies.ToPolicySet();
        PolicySet after = new(identityPolicies: [Role.Reduced.Document]);
        var ledger = new TagLedger();
        foreach (string json in UsageRun.Emr)
        {
            using EventRecord record = EventRecord.Parse(json);
            ledger.Accept(record);
        }

        ledger.Freeze();
        var checkBefore = new CallChecker(before, ledger, EventPermissionMapper.Default, CatalogRequestFactory.Default);
        var checkAfter = new CallChecker(after, ledger, EventPermissionMapper.Default, CatalogRequestFactory.Default);
        foreach (string json in UsageRun.Emr)
        {
            using EventRecord record = EventRecord.Parse(json);
            if (PrincipalIdentity(record) == "EMR_DefaultRole_Restricted")
            {
                checkBefore.Accept(record);
                checkAfter.Accept(record);
            }
        }

        var allowedBefore = checkBefore.Checks.Where(c => c.Verdict == CallVerdict.Allowed).Select(c => c.EventId).ToHashSet();
        var allowedAfter = checkAfter.Checks.Where(c => c.Verdict == CallVerdict.Allowed).Select(c => c.EventId).ToHashSet();
        Assert.Equal(62, allowedBefore.Count);

        // `check` has no authorization details, so it cannot name the role inside the instance profile RunInstances
        // passes (it checks PassRole on the account's role pattern): against the reduced policy, which names that role,
        // those launches are undecidable for it, never denied.
        var notAllowed = checkAfter.Checks.Where(c => allowedBefore.Contains(c.EventId) && c.Verdict != CallVerdict.Allowed).ToList();
        Assert.All(notAllowed, c => Assert.True(c.Verdict == CallVerdict.Undecidable && c.Action == "iam:PassRole" && c.Resource == "arn:aws:iam::123456789012:role/*",
            $"{c.EventName} {c.Action} on {c.Resource}: {c.Reason}"));
        Assert.Equal(12, notAllowed.Count);   // every RunInstances by the role: 8 launches, 4 denied under the old policy
    }

    [Fact]
    public void Should_Never_Grant_More_Than_Today_When_Reducing()
    {
        // Given: today's identity policies without conditions (a reduced statement keeps its origin's conditions)
        var today = new PolicySet(identityPolicies: Role.Policies.Identity.Select(p => p.Document with
        {
            Statements = [.. p.Document.Statements.Select(s => s with { Conditions = [] })],
        }));

        // Then: every action × resource of every reduced Allow is allowed today
        foreach (Statement statement in Role.Reduced.Document.Statements.Where(s => s.Effect == Effect.Allow))
        {
            foreach (string action in statement.Action!.Values)
            {
                foreach (string resource in statement.Resource!.Values)
                {
                    Assert.True(Decide(today, action, resource) == Decision.Allowed, $"{action} on {resource}");
                }
            }
        }
    }

    [Fact]
    public void Should_Give_Same_Report_When_Events_Are_Split_Across_Workers()
    {
        UsageReport one = UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn, UsageRun.DeployerArn], workers: 1);
        Assert.Equal(UsageRun.Json(one), UsageRun.Json(Report.Value));
    }

    private static Decision Decide(PolicySet set, string action, string resource) =>
        PolicyEvaluator.Evaluate(set, CatalogRequestFactory.Default.Create(action, resource, UsageRun.EmrRoleArn), includeTrace: false).Decision;

    private static string? PrincipalIdentity(EventRecord record) =>
        Core.Events.PrincipalIdentity.From(record.UserIdentity).IssuerName;
}
