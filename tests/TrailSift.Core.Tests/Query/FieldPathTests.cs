using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Query;

namespace TrailSift.Core.Tests.Query;

/// <summary>Field paths for --fields and --by.</summary>
public sealed class FieldPathTests
{
    private const string Event = """
        {"eventName":"GetObject","userIdentity":{"arn":"arn:aws:iam::1:user/a","type":"IAMUser"},
         "resources":[{"ARN":"arn:aws:s3:::b1"},{"ARN":"arn:aws:s3:::b2"}],"odd key":{"x":1},"n":5}
        """;

    [Theory]
    [InlineData(".userIdentity.arn", "arn:aws:iam::1:user/a", "arn")]
    [InlineData("userIdentity.arn", "arn:aws:iam::1:user/a", "arn")]
    [InlineData("eventName", "GetObject", "eventName")]
    [InlineData(".resources[0].ARN", "arn:aws:s3:::b1", "ARN")]
    [InlineData(".resources[-1].ARN", "arn:aws:s3:::b2", "ARN")]
    [InlineData(".[\"odd key\"].x", "1", "x")]
    [InlineData(".\"odd key\"[\"x\"]", "1", "x")]
    [InlineData(".resources[1]", "{\"ARN\":\"arn:aws:s3:::b2\"}", "resources")]
    public void Should_Find_The_Value_When_Path_Exists(string text, string expected, string lastName)
    {
        // Given
        FieldPathParseResult parsed = FieldPath.Parse(text);
        Assert.True(parsed.Success, parsed.Error?.Render());
        using EventRecord record = EventRecord.Parse(Event);

        // When
        JsonNode value = parsed.Path!.Evaluate(record);

        // Then
        Assert.Equal(expected, value.ToString());
        Assert.Equal(lastName, parsed.Path.LastName);
    }

    [Theory]
    [InlineData(".missing")]
    [InlineData(".eventName.length")]
    [InlineData(".n.x")]
    [InlineData(".resources[5].ARN")]
    [InlineData(".userIdentity[0]")]
    public void Should_Return_Undefined_When_A_Step_Is_Missing_Or_Of_Wrong_Type(string text)
    {
        // Given
        FieldPath path = FieldPath.Parse(text).Path!;
        using EventRecord record = EventRecord.Parse(Event);

        // When
        JsonNode value = path.Evaluate(record);

        // Then
        Assert.Equal(JsonKind.Undefined, value.Kind);
    }

    [Theory]
    [InlineData(".a[]", "a field path may only use .name, .[\"name\"] and [number] steps", 2)]
    [InlineData(".a | .b", "a field path may only use .name, .[\"name\"] and [number] steps", 3)]
    [InlineData(".", "a field path names at least one field", 0)]
    [InlineData("", "expected a field path such as .userIdentity.arn", 0)]
    [InlineData("a..b", "unexpected '..'", 1)]
    [InlineData(".a[", "expected a value, found end of filter", 3)]
    public void Should_Report_Position_When_Path_Is_Invalid(string text, string message, int position)
    {
        // When
        FieldPathParseResult parsed = FieldPath.Parse(text);

        // Then
        Assert.False(parsed.Success);
        Assert.Equal(message, parsed.Error!.Message);
        Assert.Equal(position, parsed.Error.Position);
    }
}
