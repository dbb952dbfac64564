using TrailSift.Core.Analysis.Usage;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>Statements whose date conditions allow requests only outside the input's time span (1–2 March 2025).</summary>
public sealed class TimeConditionTests
{
    private const string Authorization = """
        {"RoleDetailList":[{"RoleName":"app","Arn":"arn:aws:iam::123456789012:role/app","Path":"/",
          "RolePolicyList":[{"PolicyName":"app","PolicyDocument":{"Version":"2012-10-17","Statement":[
            {"Sid":"Expired","Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*",
             "Condition":{"DateLessThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}},
            {"Sid":"Future","Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*",
             "Condition":{"NumericGreaterThanEquals":{"aws:EpochTime":"1767225600"}}},
            {"Sid":"Window","Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*",
             "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2025-02-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2025-02-28T00:00:00Z"}}},
            {"Sid":"Overlaps","Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*",
             "Condition":{"DateLessThan":{"aws:CurrentTime":"2025-03-02T00:00:00Z"}}},
            {"Sid":"Variable","Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*",
             "Condition":{"DateLessThan":{"aws:CurrentTime":"${aws:TokenIssueTime}"}}}]}}]}]}
        """;

    private static readonly Lazy<UsageReport> Report = new(() => UsageRun.Run(UsageRun.Parse(Authorization),
        [
            new EventBuilder("ec2.amazonaws.com", "DescribeInstances").AsRole("other").At("2025-03-01T10:00:00Z").Json(),
            new EventBuilder("ec2.amazonaws.com", "DescribeInstances").AsRole("other").At("2025-03-02T10:00:00Z").Json(),
        ], ["arn:aws:iam::123456789012:role/app"]));

    private static GrantUsage Grant(string sid) => Report.Value.Principals[0].Grants.Single(g => g.Sid == sid);

    [Theory]
    [InlineData("Expired", "the statement's time condition allows requests only before 2025-01-01 00:00:00Z, outside the input's time span (2025-03-01 10:00Z to 2025-03-02 10:00Z)")]
    [InlineData("Future", "the statement's time condition allows requests only after 2026-01-01 00:00:00Z, outside the input's time span (2025-03-01 10:00Z to 2025-03-02 10:00Z)")]
    [InlineData("Window", "the statement's time condition allows requests only from 2025-02-01 00:00:00Z to 2025-02-28 00:00:00Z, outside the input's time span (2025-03-01 10:00Z to 2025-03-02 10:00Z)")]
    public void Should_Judge_No_Data_When_Condition_Window_Is_Outside_Input(string sid, string reason)
    {
        GrantUsage grant = Grant(sid);
        Assert.Equal(UsageVerdict.NoData, grant.Verdict);
        Assert.Equal(reason, grant.Reason);
    }

    [Theory]
    [InlineData("Overlaps")]   // the window covers part of the input: no call in that part is evidence
    [InlineData("Variable")]   // a policy variable: no bound can be read, so the input is not ruled out
    public void Should_Judge_Unused_When_Window_Meets_Input_Or_Cannot_Be_Read(string sid)
    {
        Assert.Equal(UsageVerdict.Unused, Grant(sid).Verdict);
    }

    [Fact]
    public void Should_Keep_Out_Of_Window_Statements_When_Reducing()
    {
        Assert.Contains(Report.Value.Principals[0].Reduced.Statements, s => s.Kind == ReducedStatementKind.NoData);
    }
}
