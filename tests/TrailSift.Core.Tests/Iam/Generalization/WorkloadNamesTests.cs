using TrailSift.Core.Iam.Generalization;

namespace TrailSift.Core.Tests.Iam.Generalization;

public sealed class WorkloadNamesTests
{
    [Theory]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-j-2ABCDEFGHIJKL", "arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-*")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc123def4567890", "arn:aws:ec2:us-east-1:123456789012:instance/*")]
    [InlineData("arn:aws:ec2:us-east-1::snapshot/snap-0123456789abcdef0", "arn:aws:ec2:us-east-1::snapshot/*")]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:log-stream:2026/12/06/[$LATEST]9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:log-stream:*")]
    [InlineData("arn:aws:cloudformation:us-east-1:123456789012:stack/etl-20261206-0300/*", "arn:aws:cloudformation:us-east-1:123456789012:stack/etl-*")]
    [InlineData("arn:aws:s3:::etl-20261206-0300-data-0a1b2c3d4e5f", "arn:aws:s3:::etl-*")]
    [InlineData("arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/j-GDJQM00EG4C7S", "arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/*")]
    public void Should_Cut_Before_The_First_Run_Specific_Token_When_A_Name_Carries_One(string arn, string expected) =>
        Assert.Equal(expected, WorkloadNames.StablePattern(arn));

    [Theory]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:orders-queue-2")]
    [InlineData("arn:aws:iam::123456789012:role/EMR_DefaultRole")]
    [InlineData("arn:aws:s3:::acme-emr-logs")]
    public void Should_Keep_The_Arn_When_No_Part_Of_The_Name_Looks_Run_Specific(string arn) =>
        Assert.Equal(arn, WorkloadNames.StablePattern(arn));
}
