using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Query;

namespace TrailSift.Core.Tests.Query;

/// <summary>MayMatch: the raw-bytes prefilter must never reject a matching record, and should reject obvious non-matches.</summary>
public sealed class PrefilterTests
{
    private static IEventPredicate Compile(string filter)
    {
        QueryParseResult parsed = EventQuery.Parse(filter);
        Assert.True(parsed.Success, parsed.Error?.Render());
        return EventQuery.Compile(parsed.Query!);
    }

    private static bool MayMatch(IEventPredicate p, string json) => p.MayMatch(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData(".eventName == \"CreateQueue\"", "{\"eventName\":\"DeleteQueue\"}")]
    [InlineData(".Records[] | select(.eventName == \"CreateQueue\") | select(.errorCode == \"AccessDenied\")", "{\"eventName\":\"CreateQueue\"}")]
    [InlineData(".a | contains(\"needle\")", "{\"a\":\"haystack\"}")]
    [InlineData(".a | startswith(\"arn:\")", "{\"a\":\"urn:x\"}")]
    [InlineData(".a == \"x\" or .b == \"y\"", "{\"a\":\"z\",\"b\":\"z\"}")]
    [InlineData(".a == (\"x\", \"y\")", "{\"a\":\"z\"}")]
    [InlineData(".a[].b == \"x\"", "{\"a\":[{\"b\":\"xx\"}]}")]
    public void Should_Reject_Record_When_Required_Literal_Is_Absent_And_There_Are_No_Escapes(string filter, string json)
    {
        // Given
        IEventPredicate p = Compile(filter);

        // Then
        Assert.False(MayMatch(p, json));
        Assert.False(p.Matches(EventRecord.Parse(json)));
    }

    [Theory]
    [InlineData(".eventName == \"CreateQueue\"", "{\"eventName\":\"Create\\u0051ueue\"}")]
    [InlineData(".a | contains(\"é\")", "{\"a\":\"caf\\u00e9\"}")]
    [InlineData(".a == \"a/b\"", "{\"a\":\"a\\/b\"}")]
    public void Should_Accept_Record_When_Escapes_Could_Hide_The_Literal(string filter, string json)
    {
        // Given
        IEventPredicate p = Compile(filter);

        // Then
        Assert.True(MayMatch(p, json));
        Assert.True(p.Matches(EventRecord.Parse(json)));
    }

    [Theory]
    [InlineData(".a != \"x\"", "{\"a\":\"y\"}")]
    [InlineData(".a == \"x\" | not", "{\"a\":\"y\"}")]
    [InlineData(".a == \"x\" or .b == 1", "{\"b\":1}")]
    [InlineData(".a | ascii_downcase | contains(\"abc\")", "{\"a\":\"ABC\"}")]
    [InlineData(".a | contains(\"\")", "{\"a\":\"\"}")]
    [InlineData("(.a // \"x\") == \"x\"", "{}")]
    [InlineData(".a | test(\"x\")", "{\"a\":\"x\"}")]
    public void Should_Not_Require_Anything_When_The_Test_Is_Not_A_Positive_Literal_Match(string filter, string json)
    {
        // Given
        IEventPredicate p = Compile(filter);

        // Then
        Assert.True(MayMatch(p, json));
        Assert.True(p.Matches(EventRecord.Parse(json)));
    }

    [Fact]
    public void Should_Accept_Everything_When_Filter_Matches_All()
    {
        // Given
        IEventPredicate p = Compile(".Records[]");

        // Then
        Assert.True(MayMatch(p, "{}"));
        Assert.True(p.Matches(EventRecord.Parse("{}")));
    }
}
