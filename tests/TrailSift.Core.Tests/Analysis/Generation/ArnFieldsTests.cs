using System.Text.RegularExpressions;
using TrailSift.Core.Analysis.Generation;

namespace TrailSift.Core.Tests.Analysis.Generation;

/// <summary>
/// <see cref="ArnFields.Problem"/> reads the region and account fields in place; it must say what splitting the ARN
/// on its first five colons says, for every shape of input.
/// </summary>
public sealed partial class ArnFieldsTests
{
    public static TheoryData<string> Resources() =>
    [
        "arn:aws:s3:::bucket/key",
        "arn:aws:sqs:us-east-1:123456789012:queue",
        "arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-1",
        "arn:aws:ec2:us-north-2r:123456789012:instance/i-1",
        "arn:aws:ec2:us-east-1:12345:instance/i-1",
        "arn:aws:ec2:*:123456789012:instance/*",
        "arn:aws:ec2:us-east-?:12?:instance/*",
        "arn:aws:iam::aws:policy/ReadOnly",
        "arn:aws:lambda:eu-west-1:123456789012:function:f:alias",
        "arn:aws:ec2:EU-WEST-1:123456789012:x",
        "arn:aws:ec2:us-east-1:123456789012",
        "arn:aws:ec2:us-east-1",
        "arn:aws:s3",
        "arn:",
        "arn",
        "*",
        "",
        "arn:aws:ec2:us-east-1\n:123456789012:x",
        "arn:aws:ec2:us-east-1:123456789012\n:x",
        "arn:aws:ec2::1234567890123:x",
        "arn:aws:ec2:a-b-1:aws:x",
        "ARN:aws:ec2:bad:1:x",
    ];

    [Theory]
    [MemberData(nameof(Resources))]
    public void Should_Find_What_Splitting_The_Arn_Finds(string resource)
    {
        Assert.Equal(BySplit(resource), ArnFields.Problem(resource));
    }

    // The reading before it went in place: Split(':', 6), then each field checked as a string.
    private static string? BySplit(string resource)
    {
        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        string[] parts = resource.Split(':', 6);
        if (parts.Length < 6)
        {
            return null;
        }

        if (!parts[3].Contains('*', StringComparison.Ordinal) && !parts[3].Contains('?', StringComparison.Ordinal) && !Region().IsMatch(parts[3]))
        {
            return $"region \"{parts[3]}\" is not a region code";
        }

        if (!parts[4].Contains('*', StringComparison.Ordinal) && !parts[4].Contains('?', StringComparison.Ordinal) && !Account().IsMatch(parts[4]))
        {
            return $"account \"{parts[4]}\" is not a 12-digit account id";
        }

        return null;
    }

    [GeneratedRegex(@"^([a-z]{2}(-[a-z]+)+-\d{1,2})?$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^(\d{12}|aws)?$")]
    private static partial Regex Account();
}
