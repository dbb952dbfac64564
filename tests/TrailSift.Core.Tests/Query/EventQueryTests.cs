using TrailSift.Core.Events;
using TrailSift.Core.Query;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Tests.Query;

/// <summary>The public entry points: Parse, Compile, And, MatchesAll, and sharing a predicate between threads.</summary>
public sealed partial class EventQueryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(".")]
    [InlineData(".Records[]")]
    [InlineData(".Records[]?")]
    [InlineData(".[]")]
    public void Should_Match_All_When_Filter_Is_Empty_Or_Only_Walks_The_File(string filter)
    {
        // When
        QueryParseResult result = EventQuery.Parse(filter);

        // Then
        Assert.True(result.Success);
        Assert.True(result.Query!.MatchesAll);
        Assert.True(EventQuery.Compile(result.Query).Matches(EventRecord.Parse("{\"a\":1}")));
    }

    [Fact]
    public void Should_Strip_The_File_Prefix_When_Filter_Starts_With_Records()
    {
        // When
        EventQuery q = EventQuery.Parse(".Records[] | select(.a == 1) | select(.b)").Query!;

        // Then
        Assert.Equal("select(.a == 1) | select(.b)", q.Condition!.ToString());
        Assert.Equal(".Records[] | select(.a == 1) | select(.b)", q.Expression.ToString());
    }

    [Fact]
    public void Should_Select_Events_Both_Select_When_Queries_Are_Combined_With_And()
    {
        // Given
        EventQuery a = EventQuery.Parse(".Records[] | select(.eventName == \"X\")").Query!;
        EventQuery b = EventQuery.Parse(".errorCode == \"AccessDenied\"").Query!;

        // When
        EventQuery both = a.And(b);
        IEventPredicate p = EventQuery.Compile(both);

        // Then
        Assert.Equal("select(.eventName == \"X\") | select(.errorCode == \"AccessDenied\")", both.Text);
        Assert.True(p.Matches(EventRecord.Parse("{\"eventName\":\"X\",\"errorCode\":\"AccessDenied\"}")));
        Assert.False(p.Matches(EventRecord.Parse("{\"eventName\":\"X\"}")));
        Assert.False(p.Matches(EventRecord.Parse("{\"errorCode\":\"AccessDenied\"}")));
        Assert.Same(a, a.And(EventQuery.All));
    }

    [Fact]
    public void Should_Bind_A_Tree_When_Built_From_Expression()
    {
        // Given
        var expr = new BinaryExpr(BinaryOperator.Equal, new FieldExpr(new IdentityExpr(), "eventName"), LiteralExpr.String("X"));

        // When
        QueryParseResult result = EventQuery.FromExpression(expr);
        QueryParseResult bad = EventQuery.FromExpression(new CallExpr("map", [expr]));

        // Then
        Assert.True(result.Success);
        Assert.Equal(expr, result.Query!.Expression);
        Assert.False(bad.Success);
    }

    [Fact]
    public void Should_Give_Same_Answers_When_Predicate_Is_Shared_Between_Threads()
    {
        // Given
        IEventPredicate p = EventQuery.Compile(EventQuery.Parse(
            "select(.n > 50) | select(.tags[] | ascii_downcase | contains(\"x\")) | select(.s | test(\"^a\"))").Query!);
        string[] events = new string[200];
        bool[] expected = new bool[events.Length];
        for (int i = 0; i < events.Length; i++)
        {
            events[i] = $"{{\"n\":{i},\"tags\":[\"y\",\"{(i % 3 == 0 ? "X" : "z")}\"],\"s\":\"{(i % 2 == 0 ? "ab" : "ba")}\"}}";
            expected[i] = i > 50 && i % 3 == 0 && i % 2 == 0;
        }

        // When
        bool[] actual = new bool[events.Length];
        Parallel.For(0, events.Length * 20, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            int i = k % events.Length;
            using EventRecord record = EventRecord.Parse(events[i]);
            bool m = p.Matches(record);
            if (m != expected[i])
            {
                throw new InvalidOperationException($"event {i}: {m}");
            }

            actual[i] = m;
        });

        // Then
        Assert.Equal(expected, actual);
    }
}
