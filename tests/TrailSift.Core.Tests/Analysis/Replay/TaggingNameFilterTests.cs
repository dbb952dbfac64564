using System.Text;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Tests.Analysis.Replay;

public sealed class TaggingNameFilterTests
{
    private static readonly TaggingNameFilter Filter = new(TagLedger.TaggingEventNames);

    // The event name node of an event whose eventName is the JSON string literal given (escapes kept as written).
    private static JsonNode Name(string literal) =>
        EventRecord.Parse(Encoding.UTF8.GetBytes("{\"eventVersion\":\"1.08\",\"eventName\":" + literal + "}")).EventName;

    [Fact]
    public void Should_Pass_Every_Tagging_Name_When_It_Is_Written_Plainly()
    {
        // Given / When / Then
        foreach (string name in TagLedger.TaggingEventNames)
        {
            Assert.True(Filter.MayTag(Name("\"" + name + "\"")), name);
        }
    }

    [Theory]
    [InlineData("\"GetObject\"")]
    [InlineData("\"CreateVp\"")]
    [InlineData("\"CreateVpcs\"")]
    [InlineData("\"createTags\"")]
    [InlineData("\"CreateTagz\"")]
    [InlineData("\"\"")]
    [InlineData("\"ThisEventNameIsLongerThanSixtyFourBytesSoItCanNeverBeATaggingCallName\"")]
    [InlineData("\"Créate\"")]
    public void Should_Answer_As_The_Set_Does_When_The_Name_Is_Not_A_Tagging_Name(string literal)
    {
        // Given
        JsonNode name = Name(literal);

        // When
        bool may = Filter.MayTag(name);

        // Then: the filter agrees with the set (the oracle) on every plainly written name
        Assert.Equal(TagLedger.TaggingEventNames.Contains(name.GetString()), may);
        Assert.False(may);
    }

    [Fact]
    public void Should_Leave_An_Escaped_Name_To_The_Set_When_It_Could_Be_A_Tagging_Name()
    {
        // Given: "CreateTags" with an escaped T
        JsonNode name = Name("\"Create\\u0054ags\"");

        // When / Then
        Assert.True(Filter.MayTag(name));
        Assert.Contains(name.GetString(), (IReadOnlySet<string>)TagLedger.TaggingEventNames);
    }

    [Fact]
    public void Should_Collect_A_Fact_When_The_Tagging_Name_Is_Escaped()
    {
        // Given: a CreateTags event whose name is written with an escape
        const string json = """
            {"eventVersion":"1.08","eventTime":"2025-06-03T15:20:32Z","eventSource":"ec2.amazonaws.com","eventName":"Create\u0054ags",
             "awsRegion":"us-east-1","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/a","accountId":"123456789012"},
             "requestParameters":{"resourcesSet":{"items":[{"resourceId":"i-0aaa"}]},"tagSet":{"items":[{"key":"team","value":"data"}]}},
             "eventID":"e1"}
            """;
        var ledger = new TagLedger();

        // When
        ledger.Accept(EventRecord.Parse(json));

        // Then
        Assert.Equal(1, ledger.Count);
    }
}
