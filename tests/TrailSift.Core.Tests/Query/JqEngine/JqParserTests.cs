using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Syntax;

namespace TrailSift.Core.Tests.Query.JqEngine;

/// <summary>The jq parser: printing back to source, precedence, and errors with carets.</summary>
public sealed class JqParserTests
{
    [Theory]
    [InlineData(".a.b[0]")]
    [InlineData(".a | .b, .c // .d")]
    [InlineData("1 + 2 * 3 - -4")]
    [InlineData("def f(g; $x): g + $x; f(. ; 1)")]
    [InlineData("reduce .[] as [$a, {b: $c}] (0; . + $a) | foreach .[] as $x (0; . + 1; [$x])")]
    [InlineData(".[] as [$a] ?// $a | $a")]
    [InlineData("label $out | try error(\"x\") catch . | break $out")]
    [InlineData("if . then 1 elif .b then 2 else 3 end | [.[]?, ..] | {a, \"b\": 1, (.c): 2, $__loc__, @base64 \"x\\(.)\": 3}")]
    [InlineData("\"a\\(1 + 2)b\" | @csv \"\\(.)\" | .[1:2], .[:3], .[\"x\"]?")]
    [InlineData(".a |= . + 1 | .b += 2 | .c //= 3 | .d = 4")]
    [InlineData("not and true or false")]
    public void Should_print_a_program_that_parses_to_the_same_tree_When_formatting(string program)
    {
        // Given
        string once = JqProgram.Format(program);

        // When
        string twice = JqProgram.Format(once);

        // Then
        Assert.Equal(once, twice);
    }

    [Theory]
    [InlineData("1 + 2 * 3", "(1) + ((2) * (3))")]
    [InlineData("1, 2 | 3", "1, 2 | 3")]
    [InlineData("-1 + 2", "(-(1)) + (2)")]
    [InlineData("try .a + 1", "(try (.a)) + (1)")]
    [InlineData(".a // .b // .c", "(.a) // ((.b) // (.c))")]
    [InlineData(". as $x | $x, 1", ". as $x | $x, 1")]
    public void Should_group_like_jq_When_operators_mix(string program, string expected)
    {
        // Given / When
        string printed = JqProgram.Format(program);

        // Then
        Assert.Equal(expected, printed);
    }

    [Theory]
    [InlineData("1 +", 3, "unexpected end of file")]
    [InlineData(".a | {a: 1 + 2}", 11, "unexpected '+'")]
    [InlineData("1 == 2 == 3", 7, "non-associative")]
    [InlineData("foo(1)", 0, "foo/1 is not defined")]
    [InlineData("[1, $x]", 4, "$x is not defined")]
    [InlineData("break $x", 0, "$*label-x is not defined")]
    [InlineData("import \"a\" as a; .", 0, "modules")]
    [InlineData(".a | b::c", 5, "modules")]
    [InlineData("\"abc", 0, "unexpected end of file, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END")]
    [InlineData("{(1,2)}", 6, "unexpected '}'")]
    public void Should_refuse_with_the_offset_When_the_program_is_invalid(string program, int offset, string reason)
    {
        // Given / When
        var e = Assert.Throws<JqParseException>(() => JqProgram.Compile(program));

        // Then
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Equal(offset, e.Offset);
    }

    [Fact]
    public void Should_render_the_line_and_a_caret_When_reporting_a_parse_error()
    {
        // Given
        const string program = ".a\n| .b +";

        // When
        var e = Assert.Throws<JqParseException>(() => JqProgram.Compile(program));

        // Then
        Assert.Equal("syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 2, column 7:\n| .b +\n      ^", e.Render(program));
    }
}
