using TrailSift.Core.Common;

namespace TrailSift.Core.Tests.Common;

public class AwsWildcardTests
{
    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "anything:at/all", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("iam:Pass?ole", "iam:PassRole", true)]
    [InlineData("iam:Pass?ole", "iam:PassRoole", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("*a", "aaaa", true)]
    [InlineData("a**", "a", true)]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.txt", true)]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket2/a", false)]
    [InlineData("?", "", false)]
    public void Should_Match_Iam_Wildcards_When_Case_Is_Exact(string pattern, string text, bool expected)
    {
        // Given / When
        bool matched = AwsWildcard.IsMatch(pattern, text);

        // Then
        Assert.Equal(expected, matched);
    }

    [Fact]
    public void Should_Respect_Case_When_Matching_Ordinally()
    {
        // Given
        const string pattern = "s3:get*";

        // When
        bool ordinal = AwsWildcard.IsMatch(pattern, "s3:GetObject");
        bool ignoringCase = AwsWildcard.IsMatchIgnoreCase(pattern, "s3:GetObject");

        // Then
        Assert.False(ordinal);
        Assert.True(ignoringCase);
    }

    [Theory]
    [InlineData("S3:LIST*", "s3:ListBucket", true)]
    [InlineData("ÉTÉ*", "été-x", true)]
    [InlineData("s3:list?", "s3:ListBucket", false)]
    public void Should_Ignore_Case_When_Asked(string pattern, string text, bool expected)
    {
        // Given / When
        bool matched = AwsWildcard.IsMatchIgnoreCase(pattern, text);

        // Then
        Assert.Equal(expected, matched);
    }

    [Fact]
    public void Should_Match_Star_In_Text_Only_As_A_Character_When_Pattern_Has_No_Star()
    {
        // Given / When / Then
        Assert.True(AwsWildcard.IsMatch("a?c", "a*c"));
        Assert.False(AwsWildcard.IsMatch("abc", "a*c"));
        Assert.True(AwsWildcard.ContainsWildcard("s3:*"));
        Assert.False(AwsWildcard.ContainsWildcard("s3:GetObject"));
    }
}
