using TrailSift.Core.Common;

namespace TrailSift.Core.Tests.Common;

public class ArnTests
{
    [Fact]
    public void Should_Split_Fields_And_Keep_Resource_Colons_When_Parsing()
    {
        // Given
        const string text = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*";

        // When
        Arn arn = Arn.Parse(text);

        // Then
        Assert.Equal("aws", arn.Partition);
        Assert.Equal("logs", arn.Service);
        Assert.Equal("us-east-1", arn.Region);
        Assert.Equal("123456789012", arn.Account);
        Assert.Equal("log-group:/aws/lambda/fn:*", arn.Resource);
        Assert.Equal("log-group", arn.ResourceTypeSpan.ToString());
        Assert.Equal(text, arn.ToString());
    }

    [Fact]
    public void Should_Allow_Empty_Region_And_Account_When_Resource_Is_Global()
    {
        // Given / When
        Arn bucket = Arn.Parse("arn:aws:s3:::my-bucket/key/with:colon");
        Arn role = Arn.Parse("arn:aws-cn:iam::123456789012:role/path/to/Admin");

        // Then
        Assert.Equal(string.Empty, bucket.Region);
        Assert.Equal(string.Empty, bucket.Account);
        Assert.Equal("my-bucket/key/with:colon", bucket.Resource);
        Assert.Equal("my-bucket", bucket.ResourceTypeSpan.ToString());
        Assert.Equal("aws-cn", role.Partition);
        Assert.Equal("role", role.ResourceTypeSpan.ToString());
        Assert.Equal("role/path/to/Admin", role.Resource);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("arn:aws:s3")]
    [InlineData("arn:aws:s3::")]
    [InlineData("urn:aws:s3:::bucket")]
    [InlineData("ARN:aws:s3:::bucket")]
    public void Should_Reject_Text_When_It_Is_Not_An_Arn(string? text)
    {
        // Given / When
        bool parsed = Arn.TryParse(text, out Arn arn);

        // Then
        Assert.False(parsed);
        Assert.True(arn.IsEmpty);
    }

    [Fact]
    public void Should_Compare_By_Text_When_Equating()
    {
        // Given
        Arn a = Arn.Parse("arn:aws:sqs:us-east-1:123456789012:queue");
        Arn b = Arn.Parse("arn:aws:sqs:us-east-1:123456789012:queue");

        // When / Then
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(string.Empty, a.ResourceTypeSpan.ToString());
        Assert.Throws<FormatException>(() => Arn.Parse("nope"));
    }
}
