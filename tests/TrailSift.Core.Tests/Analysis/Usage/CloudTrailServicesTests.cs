using System.Text.Json;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Events;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>Services CloudTrail does not record: the table against the reference, and the verdict it leads to.</summary>
public sealed class CloudTrailServicesTests
{
    private const string Authorization = """
        {"RoleDetailList":[{"RoleName":"app","Arn":"arn:aws:iam::123456789012:role/app","Path":"/",
          "RolePolicyList":[{"PolicyName":"app","PolicyDocument":{"Version":"2012-10-17","Statement":[
            {"Sid":"Logged","Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*"},
            {"Sid":"Unlogged","Effect":"Allow","Action":["rds-db:connect","ssmmessages:OpenDataChannel"],"Resource":"*"},
            {"Sid":"Seen","Effect":"Allow","Action":"application-autoscaling:DescribeScalingPolicies","Resource":"*"}]}}]}]}
        """;

    [SharedFact]
    public void Should_Hold_Exactly_The_Prefixes_Of_The_Reference_Event_Sources_When_Compared()
    {
        // Given the reference's eventSource → IAM prefix table
        using JsonDocument reference = JsonDocument.Parse(File.ReadAllBytes(
            Path.Combine(RepoPaths.Reference!, "iam-dataset", "cloudtrail_service_mappings.json")));
        string[] expected = [.. reference.RootElement.GetProperty("cloudtrail_service_mappings").EnumerateObject()
            .Select(static p => p.Value.GetString()!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        // Then the embedded table is the same set
        Assert.Equal(expected, CloudTrailServices.Recorded.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Should_Judge_Not_Visible_Never_Unused_When_Service_Has_No_Known_Event_Source()
    {
        // Given a trail with EC2 and Application Auto Scaling events (the reference table lacks the latter)
        UsageReport report = Run();

        // Then the service without a known event source is not visible, with the reason
        GrantUsage connect = Grant(report, "Unlogged", "rds-db:connect");
        Assert.Equal(UsageVerdict.NotVisible, connect.Verdict);
        Assert.Equal(Visibility.Unrecorded, connect.Visibility);
        Assert.Equal("no CloudTrail event source is known for rds-db and the input holds no rds-db events: its calls may not be recorded",
            connect.Reason);
        Assert.Equal(UsageVerdict.NotVisible, Grant(report, "Unlogged", "ssmmessages:OpenDataChannel").Verdict);

        // and a logged service, or one whose events the input holds, is judged unused
        Assert.Equal(UsageVerdict.Unused, Grant(report, "Logged", "ec2:DescribeVpcs").Verdict);
        GrantUsage seen = Grant(report, "Seen", "application-autoscaling:DescribeScalingPolicies");
        Assert.Equal(UsageVerdict.Unused, seen.Verdict);
        Assert.Equal(Visibility.Management, seen.Visibility);

        // and the reduced policy keeps the not-visible grants, flagged
        ReducedStatement kept = Assert.Single(report.Principals[0].Reduced.Statements, s => s.Kind == ReducedStatementKind.NotVisible);
        Assert.Equal(["rds-db:connect", "ssmmessages:OpenDataChannel"], kept.Statement.Action!.Values.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Should_Note_Services_With_Events_When_Covering_Input()
    {
        var collector = new CoverageCollector();
        foreach (EventBuilder e in (EventBuilder[])[new("monitoring.amazonaws.com", "DescribeAlarms"), new("ec2.amazonaws.com", "DescribeVpcs"),
                     new("ec2.amazonaws.com", "DescribeVpcs"), new("monitoring.amazonaws.com", "GetMetricData")])
        {
            using EventRecord record = EventRecord.Parse(e.Json());
            collector.Accept(record);
        }

        Assert.Equal(["cloudwatch", "ec2"], collector.Coverage().Services.ToArray());
    }

    private static UsageReport Run()
    {
        return UsageRun.Run(UsageRun.Parse(Authorization),
        [
            new EventBuilder("ec2.amazonaws.com", "DescribeInstances").AsRole("other").At("2025-03-01T10:00:00Z").Json(),
            new EventBuilder("application-autoscaling.amazonaws.com", "DescribeScalableTargets").AsRole("other").At("2025-03-01T11:00:00Z").Json(),
        ], ["arn:aws:iam::123456789012:role/app"]);
    }

    private static GrantUsage Grant(UsageReport report, string sid, string action) =>
        report.Principals[0].Grants.Single(g => g.Sid == sid && g.Action == action);
}
