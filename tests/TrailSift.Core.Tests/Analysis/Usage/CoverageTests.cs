using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Events;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Usage;

public sealed class CoverageTests
{
    private static void Feed(CoverageCollector collector, params EventBuilder[] events)
    {
        foreach (EventBuilder e in events)
        {
            using EventRecord record = EventRecord.Parse(e.Json());
            collector.Accept(record);
        }
    }

    [Fact]
    public void Should_Merge_Accounts_Regions_Time_And_Data_Events_When_Workers_Combine()
    {
        // Given
        var a = new CoverageCollector();
        var b = new CoverageCollector();
        Feed(a, new EventBuilder().At("2025-01-02T00:00:00Z"),
            new EventBuilder("s3.amazonaws.com", "GetObject").With("eventCategory", "Data").At("2025-01-03T00:00:00Z"));
        Feed(b, new EventBuilder().With("awsRegion", "eu-west-1").With("recipientAccountId", "210987654321").At("2025-01-01T00:00:00Z"),
            new EventBuilder("lambda.amazonaws.com", "Invoke").With("managementEvent", false).At("2025-01-05T00:00:00Z"));

        // When
        a.Merge(b);
        InputCoverage coverage = a.Coverage();

        // Then
        Assert.Equal(4, coverage.Events);
        Assert.True(coverage.CoversRegion("123456789012", "us-east-1"));
        Assert.True(coverage.CoversRegion("210987654321", "eu-west-1"));
        Assert.False(coverage.CoversRegion("123456789012", "eu-west-1"));
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, coverage.FirstTicks);
        Assert.Equal(new DateTime(2025, 1, 5, 0, 0, 0, DateTimeKind.Utc).Ticks, coverage.LastTicks);
        Assert.True(coverage.HasDataEvents("s3"));
        Assert.True(coverage.HasDataEvents("lambda"));
        Assert.False(coverage.HasDataEvents("ec2"));
    }

    [Fact]
    public void Should_Cover_Nothing_When_No_Event_Was_Seen()
    {
        InputCoverage coverage = new CoverageCollector().Coverage();
        Assert.Equal(0, coverage.Events);
        Assert.Equal(0, coverage.FirstTicks);
        Assert.False(coverage.CoversAccount("123456789012"));
    }

    [Theory]
    [InlineData("iam:PassRole", Visibility.NeverLogged)]
    [InlineData("execute-api:Invoke", Visibility.NeverLogged)]
    [InlineData("s3:GetObject", Visibility.DataEvent)]
    [InlineData("s3:PutObjectAcl", Visibility.DataEvent)]
    [InlineData("s3:ListBucket", Visibility.DataEvent)]
    [InlineData("s3:ListAllMyBuckets", Visibility.Management)]
    [InlineData("lambda:InvokeFunction", Visibility.DataEvent)]
    [InlineData("lambda:CreateFunction", Visibility.Management)]
    [InlineData("dynamodb:PartiQLSelect", Visibility.DataEvent)]
    [InlineData("dynamodb:DescribeTable", Visibility.Management)]
    [InlineData("sqs:SendMessage", Visibility.DataEvent)]
    [InlineData("sqs:CreateQueue", Visibility.Management)]
    [InlineData("rds-db:connect", Visibility.Unrecorded)]            // no CloudTrail event source is known
    [InlineData("ssmmessages:OpenDataChannel", Visibility.Unrecorded)]
    [InlineData("ebs:GetSnapshotBlock", Visibility.DataEvent)]       // a data event, though ebs has no management source
    public void Should_Classify_How_CloudTrail_Shows_Action(string action, Visibility expected)
    {
        Assert.Equal(expected, CloudTrailVisibility.Of(action));
    }
}
