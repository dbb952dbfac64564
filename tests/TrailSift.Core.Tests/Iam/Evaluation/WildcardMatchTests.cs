using TrailSift.Core.Iam.Evaluation.Internal;

namespace TrailSift.Core.Tests.Iam.Evaluation;

public sealed class WildcardMatchTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a*c", "abbbd", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b", "xxaxxbxxb", true)]
    [InlineData("**", "x", true)]
    [InlineData("abc", "ABC", false)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    public void Should_Match_Like_Iam_When_Case_Sensitive(string pattern, string text, bool expected)
    {
        // Given / When
        bool matched = WildcardMatch.IsMatch(pattern, text, ignoreCase: false);

        // Then
        Assert.Equal(expected, matched);
    }

    [Fact]
    public void Should_Fold_Ascii_Case_When_Ignoring_Case()
    {
        // Given / When / Then
        Assert.True(WildcardMatch.IsMatch("S3:Get*", "s3:getobject", ignoreCase: true));
        Assert.False(WildcardMatch.IsMatch("s3:[et*", "s3:{et", ignoreCase: true));
    }

    [Fact]
    public void Should_Treat_Private_Use_Characters_As_Literal_Wildcards()
    {
        // Given
        string literalStar = "a" + WildcardMatch.LiteralStar;

        // When / Then
        Assert.True(WildcardMatch.IsMatch(literalStar, "a*", ignoreCase: false));
        Assert.False(WildcardMatch.IsMatch(literalStar, "ab", ignoreCase: false));
    }

    [Theory]
    [InlineData("b/*", "b/*", true)]
    [InlineData("b/*", "b/x*", true)]
    [InlineData("b/a*", "b/*", false)]
    [InlineData("b/?", "b/*", false)]
    [InlineData("b/?", "b/?", true)]
    [InlineData("b/*x", "b/*", false)]
    public void Should_Require_Covering_When_Text_Is_A_Pattern(string pattern, string text, bool expected)
    {
        // Given / When
        bool matched = WildcardMatch.IsMatch(pattern, text, ignoreCase: false, textIsPattern: true);

        // Then
        Assert.Equal(expected, matched);
    }

    [Fact]
    public void Should_Run_In_Linear_Time_When_Pattern_Has_Many_Stars()
    {
        // Given
        string text = new('a', 20_000);
        string pattern = "*a*a*a*a*a*b";

        // When
        bool matched = WildcardMatch.IsMatch(pattern, text, ignoreCase: false);

        // Then
        Assert.False(matched);
    }
}
