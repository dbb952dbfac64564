using TrailSift.Core.Common;
using TrailSift.Core.Iam.Generalization;

namespace TrailSift.Core.Tests.Common;

public sealed class AwsWildcardResourceTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "arn:aws:s3:::b/k", true)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b/a/deeper/key", true)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b", false)]
    [InlineData("arn:aws:s3:::b/?", "arn:aws:s3:::b/x", true)]
    [InlineData("arn:aws:s3:::b/?", "arn:aws:s3:::b/xy", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("arn:aws:sqs:*:1:q", "arn:aws:sqs:us-east-1:1:q", true)]
    [InlineData("Queue", "queue", false)]
    public void Should_Match_Like_IAM_When_Pattern_Has_Wildcards(string pattern, string value, bool expected)
    {
        // Given / When
        bool matched = AwsWildcard.IsMatch(pattern, value);

        // Then
        Assert.Equal(expected, matched);
    }
}
