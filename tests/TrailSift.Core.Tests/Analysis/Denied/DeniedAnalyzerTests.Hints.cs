using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Denied;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Denied;

public sealed partial class DeniedAnalyzerTests
{
    [Fact]
    public void Should_Hint_Tags_After_Creation_When_Later_Launches_Are_Tagged_In_A_Separate_Call()
    {
        // Given untagged launches that were denied, then a launch that succeeded and was tagged 4 s later
        string[] events = [.. DeniedLaunch("2025-06-03T09:41:19Z"), .. TaggedLaunch("2025-06-03T15:20:28Z", "i-0aaaaaaaaaaaaaaa1")];

        // When
        DeniedReport report = Analyze(events);

        // Then the hint names the later CreateTags, its time and the tag keys
        DeniedGroup g = Assert.Single(report.Groups);
        DeniedHint hint = Assert.Single(g.Hints, h => h.Kind == DeniedHintKind.TagsAfterCreation);
        Assert.Equal(["aws:elasticmapreduce:job-flow-id", "team"], hint.TagKeys);
        Assert.Equal("CreateTags", hint.Events[0].EventName);
        Assert.Equal("tag-2025-06-03T15:20:28Z", hint.Events[0].EventId);
        Assert.Contains("2025-06-03T15:20:32Z", hint.Text, StringComparison.Ordinal);
        Assert.Contains("aws:RequestTag", hint.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Hint_Tags_After_Creation_When_The_Denied_Call_Carried_Tags()
    {
        // Given a denied launch that did tag at creation
        string tagged = DeniedLaunch("2025-06-03T09:41:19Z")[0];
        var node = JsonNode.Parse(tagged)!;
        node["requestParameters"]!["tagSpecificationSet"] = JsonNode.Parse("""{"items":[{"resourceType":"instance","tags":[{"key":"team","value":"x"}]}]}""");
        string[] events = [node.ToJsonString(), .. TaggedLaunch("2025-06-03T15:20:28Z", "i-0aaaaaaaaaaaaaaa1")];

        // When
        DeniedReport report = Analyze(events);

        // Then
        Assert.DoesNotContain(Assert.Single(report.Groups).Hints, h => h.Kind == DeniedHintKind.TagsAfterCreation);
    }

    [Fact]
    public void Should_Not_Link_Tagging_Of_Other_Resources()
    {
        // Given a later launch whose CreateTags tags a different instance
        string[] launch = TaggedLaunch("2025-06-03T15:20:28Z", "i-0aaaaaaaaaaaaaaa1");
        launch[1] = launch[1].Replace("i-0aaaaaaaaaaaaaaa1", "i-0fffffffffffffff9", StringComparison.Ordinal);
        string[] events = [.. DeniedLaunch("2025-06-03T09:41:19Z"), launch[0], launch[1]];

        // When
        DeniedReport report = Analyze(events);

        // Then
        Assert.DoesNotContain(Assert.Single(report.Groups).Hints, h => h.Kind == DeniedHintKind.TagsAfterCreation);
    }

    [Fact]
    public void Should_Report_Fixed_Since_When_The_Same_Call_Succeeds_After_The_Last_Denial()
    {
        // Given a denied launch on instance/* and a later successful launch
        string[] events = [.. DeniedLaunch("2025-06-03T09:41:19Z"), .. TaggedLaunch("2025-06-03T15:20:28Z", "i-0aaaaaaaaaaaaaaa1")];

        // When
        DeniedReport report = Analyze(events);

        // Then
        DeniedHint hint = Assert.Single(Assert.Single(report.Groups).Hints, h => h.Kind == DeniedHintKind.FixedSince);
        Assert.StartsWith("fixed since 2025-06-03T15:20:28Z", hint.Text, StringComparison.Ordinal);
        Assert.Equal("run-2025-06-03T15:20:28Z", hint.Events[0].EventId);
    }

    [Fact]
    public void Should_Say_Succeeded_Later_On_Other_Resources_When_Only_Other_Queues_Succeed()
    {
        // Given a denied queue and a later successful create of another queue
        string[] events =
        [
            CreateQueue("AWS-ElasticMapReduce-j-GDJQM00EG4C7S", "2025-06-03T09:41:12Z", denied: true),
            CreateQueue("AWS-ElasticMapReduce-j-S05XHRNSCCC1A", "2025-06-03T15:20:21Z", denied: false),
        ];

        // When
        DeniedReport report = Analyze(events);

        // Then
        DeniedHint hint = Assert.Single(Assert.Single(report.Groups).Hints);
        Assert.Equal(DeniedHintKind.SucceededLater, hint.Kind);
        Assert.Contains("2025-06-03T15:20:21Z", hint.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Give_No_Success_Hint_When_The_Call_Only_Succeeded_Before()
    {
        // Given a success before the denial only
        string[] events =
        [
            CreateQueue("AWS-ElasticMapReduce-j-S05XHRNSCCC1A", "2025-06-03T08:00:00Z", denied: false),
            CreateQueue("AWS-ElasticMapReduce-j-GDJQM00EG4C7S", "2025-06-03T09:41:12Z", denied: true),
        ];

        // When
        DeniedReport report = Analyze(events);

        // Then
        Assert.Empty(Assert.Single(report.Groups).Hints);
    }

    private static string CreateQueue(string queue, string time, bool denied, string session = "ElasticMapReduceSession")
    {
        EventBuilder b = Emr(new EventBuilder("sqs.amazonaws.com", "CreateQueue"), session).At(time)
            .With("requestParameters", new JsonObject { ["queueName"] = queue })
            .With("eventID", $"cq-{time}-{session}");
        if (denied)
        {
            b.Error("AccessDenied", $"User: arn:aws:sts::123456789012:assumed-role/{Role}/{session} is not authorized to perform: sqs:createqueue "
                + $"on resource: arn:aws:sqs:us-east-1:123456789012:{queue} because no identity-based policy allows the sqs:createqueue action");
        }
        else
        {
            b.With("responseElements", new JsonObject { ["queueUrl"] = $"https://sqs.us-east-1.amazonaws.com/123456789012/{queue}" });
        }

        return b.Json();
    }

    private static string[] DeniedLaunch(string time) =>
    [
        Emr(new EventBuilder("ec2.amazonaws.com", "RunInstances"), "ElasticMapReduceSession").At(time)
            .With("requestParameters", JsonNode.Parse("""{"instancesSet":{"items":[{"imageId":"ami-1","minCount":1,"maxCount":1}]}}"""))
            .With("eventID", $"denied-{time}")
            .Error("Client.UnauthorizedOperation", "You are not authorized to perform this operation. User: "
                + $"arn:aws:sts::123456789012:assumed-role/{Role}/ElasticMapReduceSession is not authorized to perform: ec2:RunInstances on resource: "
                + "arn:aws:ec2:us-east-1:123456789012:instance/* because no identity-based policy allows the ec2:RunInstances action. "
                + "Encoded authorization failure message: abc")
            .Json(),
    ];

    // A successful untagged launch and, four seconds later, CreateTags on the new instance.
    private static string[] TaggedLaunch(string time, string instanceId)
    {
        DateTimeOffset at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        string tagTime = at.AddSeconds(4).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            Emr(new EventBuilder("ec2.amazonaws.com", "RunInstances"), "ElasticMapReduceSession").At(time)
                .With("requestParameters", JsonNode.Parse("""{"instancesSet":{"items":[{"imageId":"ami-1","minCount":1,"maxCount":1}]}}"""))
                .With("responseElements", JsonNode.Parse($$$"""{"requestId":"r","instancesSet":{"items":[{"instanceId":"{{{instanceId}}}"}]}}"""))
                .With("eventID", $"run-{time}")
                .Json(),
            Emr(new EventBuilder("ec2.amazonaws.com", "CreateTags"), "ElasticMapReduceSession").At(tagTime)
                .With("requestParameters", JsonNode.Parse($$$"""{"resourcesSet":{"items":[{"resourceId":"{{{instanceId}}}"}]},"tagSet":{"items":[{"key":"aws:elasticmapreduce:job-flow-id","value":"j-1"},{"key":"team","value":"data"}]}}"""))
                .With("eventID", $"tag-{time}")
                .Json(),
        ];
    }

    private static EventBuilder Emr(EventBuilder b, string session)
    {
        b.AsRole(Role, session);
        var identity = JsonNode.Parse(JsonNode.Parse(b.Json())!["userIdentity"]!.ToJsonString())!;
        identity["invokedBy"] = "elasticmapreduce.amazonaws.com";
        return b.With("userIdentity", identity).With("userAgent", "elasticmapreduce.aws.internal");
    }
}
