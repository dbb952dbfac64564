using JsonNode = System.Text.Json.Nodes.JsonNode;
using JsonObject = System.Text.Json.Nodes.JsonObject;
using TrailSift.Core.Analysis.Denied;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Analysis.Denied.Messages;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Denied;

public sealed partial class DeniedAnalyzerTests
{
    private const string Role = "EMR_DefaultRole_Restricted";
    private const string RoleArn = "arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted";

    [Fact]
    public void Should_Group_Session_Denials_Under_Their_Role_With_Count_Times_And_Codes()
    {
        // Given two denied CreateQueue calls on one queue by two sessions of the role
        string[] events =
        [
            CreateQueue("AWS-ElasticMapReduce-j-AAAAAAAAAAAAA", "2025-06-03T09:41:12Z", denied: true, session: "s1"),
            CreateQueue("AWS-ElasticMapReduce-j-AAAAAAAAAAAAA", "2025-06-03T10:27:40Z", denied: true, session: "s2"),
        ];

        // When
        DeniedReport report = Analyze(events);

        // Then
        DeniedGroup g = Assert.Single(report.Groups);
        Assert.Equal(RoleArn, g.Principal);
        Assert.Equal("sqs:CreateQueue", g.Action);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-j-AAAAAAAAAAAAA", g.Resource);
        Assert.Equal(DeniedReason.NoIdentityAllow, g.Reason);
        Assert.Equal(2, g.Count);
        Assert.Equal(["AccessDenied"], g.ErrorCodes);
        Assert.Equal(DateTimeOffset.Parse("2025-06-03T09:41:12Z"), g.FirstSeen);
        Assert.Equal(DateTimeOffset.Parse("2025-06-03T10:27:40Z"), g.LastSeen);
        Assert.Equal("elasticmapreduce.amazonaws.com", g.CalledBy);
        Assert.Equal(2, g.EventIds.Count);
        Assert.Equal(2, report.DeniedCalls);
        Assert.Equal(1, report.Principals);
    }

    [Fact]
    public void Should_Fix_Several_Queues_With_One_Prefix_Statement_When_Names_Share_A_Stem()
    {
        // Given denied CreateQueue calls on two generated queue names
        string[] events =
        [
            CreateQueue("AWS-ElasticMapReduce-j-GDJQM00EG4C7S", "2025-06-03T09:41:12Z", denied: true),
            CreateQueue("AWS-ElasticMapReduce-j-37PFQNOLS16ND", "2025-06-03T10:27:40Z", denied: true),
        ];

        // When
        DeniedReport report = Analyze(events);

        // Then both groups carry the same statement, and the policy holds it once
        Assert.Equal(2, report.Groups.Count);
        foreach (DeniedGroup g in report.Groups)
        {
            Assert.Equal(DeniedFixKind.AddIdentityAllow, g.Suggestion.Kind);
            Assert.Equal(["arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-*"], g.Suggestion.Statement!.Resource!.Values.ToArray());
        }

        // And the policy (the generator's) holds it once
        GeneratedStatement s = Assert.Single(report.Policy.Generate(new PolicyGenerationOptions()).Statements);
        Assert.Equal("SqsCreateQueue", s.Sid);
        Assert.Equal(["sqs:CreateQueue"], s.Statement.Action!.Values.ToArray());
        Assert.Equal(["arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-*"], s.Statement.Resource!.Values.ToArray());
        Assert.Equal(2, report.Policy.GrantableCalls);
    }

    [Fact]
    public void Should_Not_Count_DryRun_As_A_Denial()
    {
        // Given an allowed dry run
        string dryRun = new EventBuilder("ec2.amazonaws.com", "DescribeInstances")
            .Error("Client.DryRunOperation", "Request would have succeeded, but DryRun flag is set.").Json();

        // When
        DeniedReport report = Analyze([dryRun]);

        // Then
        Assert.Empty(report.Groups);
        Assert.Equal(0, report.DeniedCalls);
    }

    [Fact]
    public void Should_List_Credential_Failures_Apart_Unless_Included()
    {
        // Given an expired token
        string expired = new EventBuilder("s3.amazonaws.com", "ListBuckets").Error("ExpiredToken", "The provided token has expired.").Json();

        // When
        DeniedReport apart = Analyze([expired]);
        DeniedReport included = Analyze([expired], includeAuthFailures: true);

        // Then
        Assert.Empty(apart.Groups);
        AuthFailureGroup a = Assert.Single(apart.AuthFailures);
        Assert.Equal("ExpiredToken", a.ErrorCode);
        Assert.Equal(1, apart.AuthFailureCalls);
        DeniedGroup g = Assert.Single(included.Groups);
        Assert.Contains(DeniedNotes.AuthFailure, g.Notes);
        Assert.Empty(included.AuthFailures);
    }

    [Fact]
    public void Should_Name_The_Policy_Type_And_Not_Suggest_An_Identity_Allow_When_An_Scp_Denies()
    {
        // Given an explicit deny in a service control policy
        string denied = new EventBuilder("s3.amazonaws.com", "PutObject").Error("AccessDenied",
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:PutObject on resource: "
            + "\"arn:aws:s3:::bucket/key\" with an explicit deny in a service control policy").Json();

        // When
        DeniedReport report = Analyze([denied]);

        // Then
        DeniedGroup g = Assert.Single(report.Groups);
        Assert.Equal(DeniedReason.ExplicitDenyScp, g.Reason);
        Assert.Equal(DeniedFixKind.ChangePolicy, g.Suggestion.Kind);
        Assert.Equal("service control policy", g.Suggestion.PolicyType);
        Assert.Contains("an identity Allow will not help", g.Suggestion.Text, StringComparison.Ordinal);
        Assert.Null(g.Suggestion.Statement);
        Assert.False(report.Policy.HasGrants);
        Assert.Equal(1, report.Policy.OtherPolicyCalls);
    }

    [Fact]
    public void Should_Derive_Action_And_Resource_From_The_Event_When_S3_Says_Only_Access_Denied()
    {
        // Given S3's bare message on a data event with resources
        string denied = new EventBuilder("s3.amazonaws.com", "GetObject").Error("AccessDenied", "Access Denied")
            .With("resources", JsonNode.Parse("""[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::partner/daily.csv"},{"type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::partner"}]"""))
            .Json();

        // When
        DeniedReport report = Analyze([denied]);

        // Then
        DeniedGroup g = Assert.Single(report.Groups);
        Assert.Equal("s3:GetObject", g.Action);
        Assert.True(g.ActionDerived);
        Assert.Equal("arn:aws:s3:::partner/daily.csv", g.Resource);
        Assert.True(g.ResourceDerived);
        Assert.Equal(DeniedReason.Unknown, g.Reason);
        Assert.Equal(DeniedFixKind.Investigate, g.Suggestion.Kind);
        Assert.Contains(DeniedNotes.ActionDerived, g.Notes);
    }

    [Fact]
    public void Should_Report_Only_In_Scope_Denials_But_Use_Every_Event_For_Hints()
    {
        // Given a scope that selects RunInstances only, and a later CreateQueue success outside it
        string[] events =
        [
            CreateQueue("AWS-ElasticMapReduce-j-AAAAAAAAAAAAA", "2025-06-03T09:41:12Z", denied: true),
            .. DeniedLaunch("2025-06-03T09:41:19Z"),
            .. TaggedLaunch("2025-06-03T15:20:28Z", "i-0aaaaaaaaaaaaaaa1"),
        ];
        var scope = new NamePredicate("RunInstances");

        // When
        DeniedReport report = Analyze(events, scope: scope);

        // Then only RunInstances is reported, with hints drawn from the out-of-scope CreateTags
        DeniedGroup g = Assert.Single(report.Groups);
        Assert.Equal("ec2:RunInstances", g.Action);
        Assert.Contains(g.Hints, h => h.Kind == DeniedHintKind.TagsAfterCreation);
    }

    [Fact]
    public void Should_Give_The_Same_Report_When_Events_Are_Split_Across_Workers()
    {
        // Given the whole story
        string[] events =
        [
            CreateQueue("AWS-ElasticMapReduce-j-GDJQM00EG4C7S", "2025-06-03T09:41:12Z", denied: true),
            CreateQueue("AWS-ElasticMapReduce-j-37PFQNOLS16ND", "2025-06-03T10:27:40Z", denied: true),
            .. DeniedLaunch("2025-06-03T09:41:19Z"),
            .. DeniedLaunch("2025-06-03T10:27:47Z"),
            CreateQueue("AWS-ElasticMapReduce-j-S05XHRNSCCC1A", "2025-06-03T15:20:21Z", denied: false),
            .. TaggedLaunch("2025-06-03T15:20:28Z", "i-0aaaaaaaaaaaaaaa1"),
            .. TaggedLaunch("2025-06-04T09:13:02Z", "i-0bbbbbbbbbbbbbbb2"),
        ];

        // When
        string one = Describe(Analyze(events, workers: 1));
        string three = Describe(Analyze(events, workers: 3));
        string reversed = Describe(Analyze([.. events.Reverse()], workers: 2));

        // Then
        Assert.Equal(one, three);
        Assert.Equal(one, reversed);
    }

    private static DeniedReport Analyze(IReadOnlyList<string> events, IEventPredicate? scope = null, bool includeAuthFailures = false, int workers = 1)
    {
        var sinks = new List<DeniedAnalyzer>();
        for (int w = 0; w < workers; w++)
        {
            sinks.Add(new DeniedAnalyzer(includeAuthFailures, IamCatalog.Default));
        }

        for (int i = 0; i < events.Count; i++)
        {
            // As the scan does: the selection's events are accepted, every other one is context.
            using EventRecord record = EventRecord.Parse(events[i]);
            if (scope is null || scope.Matches(record))
            {
                sinks[i % workers].Accept(record);
            }
            else
            {
                sinks[i % workers].AcceptContext(record);
            }
        }

        for (int w = 1; w < workers; w++)
        {
            sinks[0].Merge(sinks[w]);
        }

        return sinks[0].BuildReport();
    }

    private static string Describe(DeniedReport r) => string.Join("\n", r.Groups.Select(g =>
        $"{g.Principal}|{g.Action}|{g.Resource}|{g.Reason}|{g.Count}|{g.FirstSeen}|{g.LastSeen}|{string.Join(",", g.EventIds)}|{g.Suggestion.Text}|"
        + string.Join(";", g.Hints.Select(h => h.Text + "@" + string.Join(",", h.Events.Select(e => e.EventId))))));

    /// <summary>Selects events by name (null: every event).</summary>
    private sealed class NamePredicate(string? name) : IEventPredicate
    {
        public bool Matches(EventRecord record) => name is null || record.EventName.GetString() == name;
    }
}
