using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Testing;
using static TrailSift.Core.Tests.Analysis.Replay.ReplayFixtures;

namespace TrailSift.Core.Tests.Analysis.Replay;

public sealed class TagLedgerTests
{
    private const string Instance = "arn:aws:ec2:us-east-1:123456789012:instance/i-0aaa";

    private static long Ticks(string time) => DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).UtcTicks;

    private static Dictionary<string, string> D(params (string Key, string Value)[] tags) => tags.ToDictionary(t => t.Key, t => t.Value);

    private static EventBuilder CreateTags(string time, params (string, string?)[] tags) =>
        Ec2("CreateTags", time, TagParameters(["i-0aaa"], tags));

    private static EventBuilder RunInstances(string time, string? tagSpecifications = null) =>
        Ec2("RunInstances", time, tagSpecifications is null ? """{"instanceType":"m5.xlarge"}""" : "{\"tagSpecificationSet\":" + tagSpecifications + "}",
            Launched("i-0aaa"));

    [Fact]
    public void Should_Show_CreateTags_Tags_On_The_Instance_Arn_After_The_Call_And_Not_Before()
    {
        // Given
        TagLedger ledger = Ledger(CreateTags("2025-06-03T15:20:32Z", ("team", "data")));

        // When
        var before = ledger.TagsBefore(Instance, Ticks("2025-06-03T15:20:32Z"));
        var after = ledger.TagsBefore(Instance, Ticks("2025-06-03T15:20:33Z"));

        // Then: a call in the same second cannot be sure to come after the tagging
        Assert.Empty(before.Tags);
        Assert.Equal(D(("team", "data")), after.Tags);
        Assert.False(after.Complete);
    }

    [Fact]
    public void Should_Know_The_Tags_Completely_When_The_Trail_Saw_RunInstances_Create_The_Instance()
    {
        // Given
        TagLedger ledger = Ledger(
            RunInstances("2025-06-03T15:20:28Z", """{"items":[{"resourceType":"instance","tags":[{"key":"Name","value":"core"}]}]}"""),
            CreateTags("2025-06-03T15:20:32Z", ("team", "data")));

        // When
        var tags = ledger.TagsBefore(Instance, Ticks("2025-06-04T00:00:00Z"));

        // Then
        Assert.True(tags.Complete);
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "core", ["team"] = "data" }, tags.Tags);
    }

    [Fact]
    public void Should_Apply_Only_Instance_Tag_Specifications_To_Launched_Instances_When_Volumes_Are_Tagged_Too()
    {
        // Given: the volume's tags go to the volumes, not to the instance
        TagLedger ledger = Ledger(RunInstances("2025-06-03T15:20:28Z", """
            {"items":[{"resourceType":"instance","tags":[{"key":"Name","value":"core"}]},
                      {"resourceType":"volume","tags":[{"key":"backup","value":"daily"}]}]}
            """));

        // When
        var tags = ledger.TagsBefore(Instance, Ticks("2025-06-04T00:00:00Z"));

        // Then
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "core" }, tags.Tags);
    }

    [Fact]
    public void Should_Keep_Tags_Applied_In_The_Second_The_Instance_Was_Created()
    {
        // Given: CreateTags in the launch's own second, with an event id that sorts first
        TagLedger ledger = Ledger(
            RunInstances("2025-06-03T15:20:28Z").With("eventID", "ffffffff-0000-0000-0000-000000000000"),
            CreateTags("2025-06-03T15:20:28Z", ("team", "data")).With("eventID", "00000000-0000-0000-0000-000000000000"));

        // When
        var tags = ledger.TagsBefore(Instance, Ticks("2025-06-03T15:21:00Z"));

        // Then: a resource cannot be tagged before it exists
        Assert.Equal(D(("team", "data")), tags.Tags);
        Assert.True(tags.Complete);
    }

    [Fact]
    public void Should_Remove_Only_The_Listed_Keys_When_DeleteTags_Names_Keys()
    {
        // Given
        TagLedger ledger = Ledger(
            CreateTags("2025-06-03T15:20:32Z", ("team", "data"), ("env", "prod")),
            Ec2("DeleteTags", "2025-06-03T16:00:00Z", TagParameters(["i-0aaa"], ("env", null))));

        // When
        var between = ledger.TagsBefore(Instance, Ticks("2025-06-03T15:30:00Z"));
        var after = ledger.TagsBefore(Instance, Ticks("2025-06-03T17:00:00Z"));

        // Then
        Assert.Equal(2, between.Tags.Count);
        Assert.Equal(D(("team", "data")), after.Tags);
    }

    [Fact]
    public void Should_Remove_Every_User_Tag_When_DeleteTags_Names_No_Keys()
    {
        // Given: EC2 deletes all user-defined tags when no tag is given; aws: tags stay
        TagLedger ledger = Ledger(
            CreateTags("2025-06-03T15:20:32Z", ("team", "data"), ("aws:elasticmapreduce:job-flow-id", "j-1")),
            Ec2("DeleteTags", "2025-06-03T16:00:00Z", TagParameters(["i-0aaa"])));

        // When
        var after = ledger.TagsBefore(Instance, Ticks("2025-06-03T17:00:00Z"));

        // Then
        Assert.Equal(D(("aws:elasticmapreduce:job-flow-id", "j-1")), after.Tags);
    }

    [Fact]
    public void Should_Track_TagResource_And_UntagResource_By_Arn()
    {
        // Given
        const string Function = "arn:aws:lambda:us-east-1:123456789012:function:etl";
        EventBuilder Lambda(string name, string time, string parameters) => new EventBuilder("lambda.amazonaws.com", name)
            .At(time).With("requestParameters", JsonNode.Parse(parameters));
        TagLedger ledger = Ledger(
            Lambda("TagResource", "2025-06-03T10:00:00Z", "{\"resource\":\"" + Function + "\",\"tags\":{\"team\":\"data\",\"cost\":\"7\"}}"),
            Lambda("UntagResource", "2025-06-03T11:00:00Z", "{\"resource\":\"" + Function + "\",\"tagKeys\":[\"cost\"]}"));

        // When
        var tagged = ledger.TagsBefore(Function, Ticks("2025-06-03T10:30:00Z"));
        var untagged = ledger.TagsBefore(Function, Ticks("2025-06-03T12:00:00Z"));

        // Then
        Assert.Equal(new Dictionary<string, string> { ["team"] = "data", ["cost"] = "7" }, tagged.Tags);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "data" }, untagged.Tags);
        Assert.False(untagged.Complete);
    }

    [Fact]
    public void Should_Key_TagQueue_By_The_Queue_Arn_Built_From_Its_Url()
    {
        // Given
        TagLedger ledger = Ledger(new EventBuilder("sqs.amazonaws.com", "TagQueue").At("2025-06-03T10:00:00Z").With("requestParameters",
            JsonNode.Parse("""{"queueUrl":"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs","tags":{"team":"data"}}""")));

        // When
        var tags = ledger.TagsBefore("arn:aws:sqs:eu-west-1:123456789012:jobs", Ticks("2025-06-03T11:00:00Z"));

        // Then
        Assert.Equal(D(("team", "data")), tags.Tags);
    }

    [Fact]
    public void Should_Ignore_A_Tagging_Call_When_It_Failed()
    {
        // Given
        TagLedger ledger = Ledger(CreateTags("2025-06-03T15:20:32Z", ("team", "data")).Error("Client.UnauthorizedOperation"));

        // When / Then
        Assert.Equal(0, ledger.Count);
        Assert.Empty(ledger.TagsBefore(Instance, Ticks("2025-06-04T00:00:00Z")).Tags);
    }

    [Fact]
    public void Should_Find_The_Later_Tagging_Of_The_Created_Instances_When_The_Same_Principal_Tags_Them()
    {
        // Given
        TagLedger ledger = Ledger(
            RunInstances("2025-06-03T15:20:28Z"),
            CreateTags("2025-06-03T15:20:32Z", ("team", "data")),
            Ec2("CreateTags", "2025-06-03T15:20:30Z", TagParameters(["i-0other"], ("x", "y"))));

        // When
        TagFact? found = ledger.FindLaterTagging(EmrRoleArn, Ticks("2025-06-03T15:20:28Z"), ["i-0aaa"], CallChecker.TaggingWindow);
        TagFact? otherPrincipal = ledger.FindLaterTagging("arn:aws:iam::123456789012:user/alice", Ticks("2025-06-03T15:20:28Z"), ["i-0aaa"], CallChecker.TaggingWindow);

        // Then: the earlier CreateTags on another instance is not it
        Assert.NotNull(found);
        Assert.Equal(("CreateTags", "2025-06-03T15:20:32Z", "i-0aaa"), (found.EventName, found.EventTime, found.ResourceKey));
        Assert.Null(otherPrincipal);
    }

    [Theory]
    [InlineData("2025-06-03T15:21:28Z", true)]
    [InlineData("2025-06-03T15:21:29Z", false)]
    [InlineData("2025-06-03T15:20:27Z", false)]
    public void Should_Find_A_Tagging_Call_Within_60_Seconds_After_When_The_Call_Created_Nothing(string taggedAt, bool found)
    {
        // Given
        TagLedger ledger = Ledger(CreateTags(taggedAt, ("team", "data")));

        // When
        TagFact? fact = ledger.FindLaterTagging(EmrRoleArn, Ticks("2025-06-03T15:20:28Z"), [], CallChecker.TaggingWindow);

        // Then
        Assert.Equal(found, fact is not null);
    }

    [Fact]
    public void Should_Combine_Two_Workers_Facts_When_Merged()
    {
        // Given: the launch and its tagging were read by different workers
        TagLedger first = Collect(RunInstances("2025-06-03T15:20:28Z"));
        TagLedger second = Collect(CreateTags("2025-06-03T15:20:32Z", ("team", "data")));

        // When
        first.Merge(second);
        first.Freeze();

        // Then
        Assert.Equal(2, first.Count);
        var tags = first.TagsBefore(Instance, Ticks("2025-06-03T16:00:00Z"));
        Assert.Equal(D(("team", "data")), tags.Tags);
        Assert.True(tags.Complete);
        Assert.NotNull(first.FindLaterTagging(EmrRoleArn, Ticks("2025-06-03T15:20:28Z"), ["i-0aaa"], CallChecker.TaggingWindow));
    }

    [Fact]
    public void Should_Refuse_Lookups_When_Not_Frozen()
    {
        // Given
        TagLedger ledger = Collect(CreateTags("2025-06-03T15:20:32Z", ("team", "data")));

        // When / Then
        Assert.Throws<InvalidOperationException>(() => ledger.TagsBefore(Instance, 0));
    }
}
