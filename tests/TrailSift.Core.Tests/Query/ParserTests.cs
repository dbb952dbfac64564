using System.Collections.Immutable;
using TrailSift.Core.Query;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Tests.Query;

/// <summary>The parser's tree shapes, its printer (round trip) and its precedence table.</summary>
public sealed class ParserTests
{
    private static Expr ParseOk(string text)
    {
        Expr? expr = Parser.Parse(text, out QueryError? error);
        Assert.True(expr is not null, error?.Render());
        return expr!;
    }

    [Theory]
    [InlineData(".a | .b | .c", ".a | .b | .c")]
    [InlineData("(.a | .b) | .c", "(.a | .b) | .c")]
    [InlineData(".a,.b,.c", ".a, .b, .c")]
    [InlineData(".a, (.b, .c)", ".a, (.b, .c)")]
    [InlineData(".a==1 and .b==2 or .c==3", ".a == 1 and .b == 2 or .c == 3")]
    [InlineData(".a==1 and (.b==2 or .c==3)", ".a == 1 and (.b == 2 or .c == 3)")]
    [InlineData("(.a == 1) | not", ".a == 1 | not")]
    [InlineData(".a == (1 | not)", ".a == (1 | not)")]
    [InlineData("select (.a == \"x\" ) ", "select(.a == \"x\")")]
    [InlineData(".[\"a b\"]", ".[\"a b\"]")]
    [InlineData(".\"a b\".c", ".\"a b\".c")]
    [InlineData(".a[0][]?", ".a[0][]?")]
    [InlineData("test(\"a\";\"i\")", "test(\"a\"; \"i\")")]
    [InlineData("\"q\\\"\\\\\\u0001\"", "\"q\\\"\\\\\\u0001\"")]
    [InlineData("-(.a) < -1", "-.a < -1")]
    [InlineData("-(.a | .b)", "-(.a | .b)")]
    [InlineData("(1).a", "(1).a")]
    [InlineData("[.a[]] == []", "[.a[]] == []")]
    [InlineData(".a // .b // 1", ".a // .b // 1")]
    [InlineData("(.a // .b) // 1", "(.a // .b) // 1")]
    [InlineData("(.a == 1) == true", "(.a == 1) == true")]
    [InlineData("  # only a comment\n", ".")]
    [InlineData("", ".")]
    [InlineData(".a.[0]", ".a[0]")]
    public void Should_Print_Canonical_Source_That_Parses_Back_To_The_Same_Tree_When_Printing(string text, string printed)
    {
        // Given
        Expr expr = ParseOk(text);

        // When
        string actual = expr.ToString();

        // Then
        Assert.Equal(printed, actual);
        Assert.Equal(expr, ParseOk(actual));
    }

    [Fact]
    public void Should_Build_Right_Nested_Pipes_And_Left_Nested_Commas_When_Parsing_Chains()
    {
        // Given / When
        var pipe = (BinaryExpr)ParseOk(".a | .b | .c");
        var comma = (BinaryExpr)ParseOk(".a, .b, .c");

        // Then
        Assert.IsType<BinaryExpr>(pipe.Right);
        Assert.IsType<FieldExpr>(pipe.Left);
        Assert.IsType<BinaryExpr>(comma.Left);
        Assert.IsType<FieldExpr>(comma.Right);
    }

    [Fact]
    public void Should_Bind_And_Tighter_Than_Or_And_Comparisons_Tighter_Than_And_When_Parsing()
    {
        // Given / When
        var expr = (BinaryExpr)ParseOk(".a == 1 or .b == 2 and .c == 3");

        // Then
        Assert.Equal(BinaryOperator.Or, expr.Operator);
        var right = Assert.IsType<BinaryExpr>(expr.Right);
        Assert.Equal(BinaryOperator.And, right.Operator);
        Assert.Equal(BinaryOperator.Equal, Assert.IsType<BinaryExpr>(right.Left).Operator);
    }

    [Fact]
    public void Should_Compare_Trees_Structurally_Ignoring_Positions_When_Spacing_Differs()
    {
        // Given
        Expr a = ParseOk("select(.a==1)|select(.b)");
        Expr b = ParseOk("select( .a == 1 )  |  select( .b )");

        // Then
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ParseOk("select(.a == 2) | select(.b)"));
    }

    [Fact]
    public void Should_Print_A_Built_Tree_When_Constructed_In_Code()
    {
        // Given
        var expr = new BinaryExpr(
            BinaryOperator.Pipe,
            new CallExpr("select", [new BinaryExpr(BinaryOperator.Equal, new FieldExpr(new IdentityExpr(), "eventName"), LiteralExpr.String("A\"B"))]),
            new CallExpr("select", ImmutableArray.Create<Expr>(new FieldExpr(new FieldExpr(new IdentityExpr(), "a-b"), "c"))));

        // When
        string text = expr.ToString();

        // Then
        Assert.Equal("select(.eventName == \"A\\\"B\") | select(.\"a-b\".c)", text);
        Assert.Equal(expr, ParseOk(text));
    }

    [Fact]
    public void Should_Record_Token_Positions_When_Parsing()
    {
        // Given / When
        var expr = (BinaryExpr)ParseOk(".a  ==  \"x\"");

        // Then
        Assert.Equal(4, expr.Position);
        Assert.Equal(8, expr.Right.Position);
    }

    [Fact]
    public void Should_Report_Nesting_Error_Instead_Of_Overflowing_When_Filter_Is_Deep()
    {
        // Given
        string text = new string('(', 5000) + ".a" + new string(')', 5000);

        // When
        QueryParseResult result = EventQuery.Parse(text);

        // Then
        Assert.False(result.Success);
        Assert.Equal("filter nests too deeply", result.Error!.Message);
    }
}
