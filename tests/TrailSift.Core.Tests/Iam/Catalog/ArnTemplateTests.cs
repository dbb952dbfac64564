using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Iam.Catalog;

public class ArnTemplateTests
{
    private const string S3Object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
    private const string S3Bucket = "arn:${Partition}:s3:::${BucketName}";
    private const string SqsQueue = "arn:${Partition}:sqs:${Region}:${Account}:${QueueName}";
    private const string IamRole = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
    private const string Ec2Image = "arn:${Partition}:ec2:${Region}::image/${ImageId}";
    private const string LambdaFunction = "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}";
    private const string LambdaAlias = "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}:${Alias}";

    [Fact]
    public void Should_List_Variables_In_Order_When_Parsing()
    {
        // Given / When
        ArnTemplate template = ArnTemplate.Parse(SqsQueue);

        // Then
        Assert.Equal(["Partition", "Region", "Account", "QueueName"], template.Variables.ToArray());
        Assert.Equal(SqsQueue, template.ToString());
    }

    [Theory]
    [InlineData("arn:${Partition")]
    [InlineData("arn:${}:s3:::x")]
    public void Should_Reject_Template_When_Variable_Is_Malformed(string text)
    {
        // Given / When / Then
        Assert.False(ArnTemplate.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ArnTemplate.Parse(text));
    }

    [Fact]
    public void Should_Fill_Variables_When_Building()
    {
        // Given
        ArnTemplate template = ArnTemplate.Parse(S3Object);
        var values = new Dictionary<string, string> { ["Partition"] = "aws", ["BucketName"] = "logs", ["ObjectName"] = "a/b/c.gz" };

        // When
        string arn = template.Build(values);

        // Then
        Assert.Equal("arn:aws:s3:::logs/a/b/c.gz", arn);
    }

    [Fact]
    public void Should_Use_Placeholder_Or_Throw_When_Building_With_Missing_Variable()
    {
        // Given
        ArnTemplate template = ArnTemplate.Parse(SqsQueue);
        var values = new Dictionary<string, string> { ["Partition"] = "aws", ["QueueName"] = "jobs" };

        // When
        string pattern = template.Build(values, missing: "*");

        // Then
        Assert.Equal("arn:aws:sqs:*:*:jobs", pattern);
        Assert.Throws<KeyNotFoundException>(() => template.Build(values));
    }

    [Fact]
    public void Should_Extract_Bucket_And_Key_When_Object_Key_Has_Slashes_And_Colons()
    {
        // Given
        ArnTemplate template = ArnTemplate.Parse(S3Object);

        // When
        bool matched = template.TryExtract("arn:aws:s3:::my-bucket/2024/01/02/report:final.csv", out var values);

        // Then
        Assert.True(matched);
        Assert.Equal("aws", values!["Partition"]);
        Assert.Equal("my-bucket", values["BucketName"]);
        Assert.Equal("2024/01/02/report:final.csv", values["objectname"]);
    }

    [Fact]
    public void Should_Tell_Bucket_From_Object_When_Matching()
    {
        // Given
        ArnTemplate bucket = ArnTemplate.Parse(S3Bucket);
        ArnTemplate obj = ArnTemplate.Parse(S3Object);

        // When / Then
        Assert.True(bucket.Matches("arn:aws:s3:::my-bucket"));
        Assert.False(bucket.Matches("arn:aws:s3:::my-bucket/key"));
        Assert.True(obj.Matches("arn:aws:s3:::my-bucket/key"));
        Assert.False(obj.Matches("arn:aws:s3:::my-bucket"));
        Assert.False(obj.Matches("arn:aws:s3:::my-bucket/"));
    }

    [Fact]
    public void Should_Match_Sqs_Queue_When_All_Fields_Present()
    {
        // Given
        ArnTemplate template = ArnTemplate.Parse(SqsQueue);

        // When
        bool matched = template.TryExtract("arn:aws:sqs:eu-west-1:123456789012:orders.fifo", out var values);

        // Then
        Assert.True(matched);
        Assert.Equal("eu-west-1", values!["Region"]);
        Assert.Equal("123456789012", values["Account"]);
        Assert.Equal("orders.fifo", values["QueueName"]);
        Assert.False(template.Matches("arn:aws:sqs:eu-west-1::orders"));
        Assert.False(template.Matches("arn:aws:sns:eu-west-1:123456789012:orders"));
        Assert.False(template.Matches("arn:aws:sqs:eu-west-1:123456789012:orders:extra"));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/Admin", "Admin")]
    [InlineData("arn:aws:iam::123456789012:role/service-role/app/Runner", "service-role/app/Runner")]
    public void Should_Keep_Path_When_Role_Has_One(string arn, string expectedName)
    {
        // Given
        ArnTemplate template = ArnTemplate.Parse(IamRole);

        // When
        bool matched = template.TryExtract(arn, out var values);

        // Then
        Assert.True(matched);
        Assert.Equal(expectedName, values!["RoleNameWithPath"]);
        Assert.False(template.Matches("arn:aws:iam::123456789012:user/Admin"));
    }

    [Fact]
    public void Should_Match_Image_When_Account_Is_Empty_In_Template()
    {
        // Given
        ArnTemplate template = ArnTemplate.Parse(Ec2Image);

        // When
        bool matched = template.TryExtract("arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890", out var values);

        // Then
        Assert.True(matched);
        Assert.Equal("ami-0abcdef1234567890", values!["ImageId"]);
        Assert.False(template.Matches("arn:aws:ec2:us-east-1:123456789012:image/ami-1"));
        Assert.Equal(["Partition", "Region", "ImageId"], template.Variables.ToArray());
    }

    [Fact]
    public void Should_Tell_Function_From_Alias_When_Arn_Has_Qualifier()
    {
        // Given
        ArnTemplate function = ArnTemplate.Parse(LambdaFunction);
        ArnTemplate alias = ArnTemplate.Parse(LambdaAlias);
        const string plain = "arn:aws:lambda:us-east-1:123456789012:function:my-fn";
        const string qualified = "arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod";

        // When
        bool aliasMatched = alias.TryExtract(qualified, out var values);

        // Then
        Assert.True(function.Matches(plain));
        Assert.False(function.Matches(qualified));
        Assert.False(alias.Matches(plain));
        Assert.True(aliasMatched);
        Assert.Equal("my-fn", values!["FunctionName"]);
        Assert.Equal("prod", values["Alias"]);
    }

    [Fact]
    public void Should_Treat_Template_Star_As_Wildcard_When_Matching()
    {
        // Given
        ArnTemplate template = ArnTemplate.Parse("arn:${Partition}:imagebuilder:${Region}:${Account}:image/${ImageName}/${ImageVersion}/*");

        // When / Then
        Assert.True(template.Matches("arn:aws:imagebuilder:us-east-1:123456789012:image/base/1.0.0/3"));
        Assert.True(template.Matches("arn:aws:imagebuilder:us-east-1:123456789012:image/base/1.0.0/"));
        Assert.False(template.Matches("arn:aws:imagebuilder:us-east-1:123456789012:image/base"));
        Assert.Equal("arn:aws:imagebuilder:*:*:image/base/*/*",
            template.Build(new Dictionary<string, string> { ["Partition"] = "aws", ["ImageName"] = "base" }, "*"));
    }

    [Fact]
    public void Should_Match_Log_Stream_When_Group_Name_Has_Slashes()
    {
        // Given
        ArnTemplate stream = ArnTemplate.Parse("arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}");

        // When
        bool matched = stream.TryExtract("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:log-stream:2024/01/01/[$LATEST]abc", out var values);

        // Then
        Assert.True(matched);
        Assert.Equal("/aws/lambda/fn", values!["LogGroupName"]);
    }

    [Fact]
    public void Should_Compare_Literals_Ignoring_Case_When_Matching()
    {
        // Given
        ArnTemplate template = ArnTemplate.Parse(IamRole);

        // When / Then
        Assert.True(template.Matches("ARN:AWS:IAM::123456789012:ROLE/Admin"));
        Assert.True(template.Matches("arn:aws:iam::123456789012:role/Admin".AsSpan()));
    }
}
