using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Testing;
using static TrailSift.Core.Tests.Analysis.Replay.EventContextReaderTests;
using static TrailSift.Core.Tests.Analysis.Replay.ReplayFixtures;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>aws:RequestTag and aws:TagKeys from request parameters, and the resources a call created.</summary>
public sealed class RequestTagContextTests
{
    private static ReplayContext WithParameters(string source, string name, string? parameters) =>
        Context(new EventBuilder(source, name).With("requestParameters", parameters is null ? null : JsonNode.Parse(parameters)));

    [Fact]
    public void Should_Read_Request_Tags_From_The_Tag_Specification_Set()
    {
        // Given / When
        ReplayContext c = WithParameters("ec2.amazonaws.com", "RunInstances", """
            {"instanceType":"m5.xlarge","tagSpecificationSet":{"items":[{"resourceType":"instance",
             "tags":[{"key":"for-use-with-amazon-emr-managed-policies","value":"true"},{"key":"team","value":"data"}]}]}}
            """);

        // Then
        Assert.Equal("true", Value(c, "aws:RequestTag/for-use-with-amazon-emr-managed-policies"));
        Assert.Equal("data", Value(c, "aws:RequestTag/team"));
        Assert.Equal(["for-use-with-amazon-emr-managed-policies", "team"], c.Values["aws:TagKeys"].Values.ToArray());
        AssertAbsent(c, "aws:RequestTag/cost");
    }

    [Theory]
    [InlineData("""{"queueName":"jobs","tags":{"team":"data"}}""")]
    [InlineData("""{"roleName":"app","tags":[{"key":"team","value":"data"}]}""")]
    [InlineData("""{"Name":"app","Tags":[{"Key":"team","Value":"data"}]}""")]
    public void Should_Read_Request_Tags_From_Tag_Lists_And_Maps(string parameters)
    {
        // Given / When
        ReplayContext c = WithParameters("sqs.amazonaws.com", "CreateQueue", parameters);

        // Then
        Assert.Equal("data", Value(c, "aws:RequestTag/team"));
        Assert.Equal(["team"], c.Values["aws:TagKeys"].Values.ToArray());
    }

    [Fact]
    public void Should_Mark_Request_Tags_Absent_When_The_Parameters_Were_Logged_Without_Tags()
    {
        // Given: EMR's untagged launch
        ReplayContext c = WithParameters("ec2.amazonaws.com", "RunInstances", """{"instanceType":"m5.xlarge","subnetId":"subnet-1"}""");

        // Then
        AssertAbsent(c, "aws:RequestTag/for-use-with-amazon-emr-managed-policies");
        AssertAbsent(c, "aws:TagKeys");
        Assert.Empty(c.RequestTags);
    }

    [Fact]
    public void Should_Leave_Request_Tags_Unknown_When_The_Parameters_Were_Not_Logged()
    {
        // Given / When
        ReplayContext c = WithParameters("ec2.amazonaws.com", "RunInstances", null);

        // Then
        AssertUnknown(c, "aws:RequestTag/team");
        AssertUnknown(c, "aws:TagKeys");
    }

    [Fact]
    public void Should_List_The_Instances_RunInstances_Created()
    {
        // Given / When
        ReplayContext c = Context(Ec2("RunInstances", "2025-06-03T15:20:28Z", """{"instanceType":"m5.xlarge"}""", Launched("i-0aaa", "i-0bbb")));

        // Then
        Assert.Equal(["i-0aaa", "i-0bbb"], c.CreatedIds);
    }
}
