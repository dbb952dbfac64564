using TrailSift.Core.Query;

namespace TrailSift.Core.Tests.Query;

/// <summary>How errors point at the filter: caret line, line/column, byte offset.</summary>
public sealed class QueryErrorTests
{
    [Fact]
    public void Should_Render_Filter_Line_And_Caret_With_Reason_When_Filter_Is_Malformed()
    {
        // Given
        QueryParseResult result = EventQuery.Parse(".Records[] | select(.eventName == )");

        // When
        string rendered = result.Error!.Render();

        // Then
        Assert.Equal(
            ".Records[] | select(.eventName == )\n" +
            "                                  ^ expected a value, found ')'",
            rendered);
        Assert.Equal(34, result.Error.Position);
        Assert.Equal(1, result.Error.Line);
        Assert.Equal(35, result.Error.Column);
    }

    [Fact]
    public void Should_Show_Only_The_Offending_Line_When_Filter_Spans_Lines()
    {
        // Given
        string filter = "select(.a == 1)\n| select(.b ==)\n| select(.c)";

        // When
        QueryError error = EventQuery.Parse(filter).Error!;

        // Then
        Assert.Equal(2, error.Line);
        Assert.Equal("| select(.b ==)\n              ^ expected a value, found ')'", error.Render());
    }

    [Fact]
    public void Should_Count_Bytes_Separately_From_Characters_When_Filter_Has_Non_Ascii_Text()
    {
        // Given
        QueryError error = EventQuery.Parse(".s == \"é\" ==").Error!;

        // Then
        Assert.Equal(10, error.Position);
        Assert.Equal(11, error.ByteOffset);
    }

    [Fact]
    public void Should_Point_Past_The_End_When_Filter_Ends_Early()
    {
        // Given
        QueryError error = EventQuery.Parse("select(").Error!;

        // Then
        Assert.Equal(7, error.Position);
        Assert.Equal("       ^", error.CaretLine());
    }
}
