using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

public sealed class SimulateAndLintCommandTests
{
    private const string Request = """
        {
          "request": {
            "principal": "arn:aws:sts::111111111111:assumed-role/app-role/session1",
            "action": "s3:GetObject",
            "resource": "arn:aws:s3:::reports/2024/q1.csv",
            "context": {"aws:SourceIp": "198.51.100.7"}
          },
          "identityPolicies": [
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "ReadReports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
               "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
          ]
        }
        """;

    private const string LintPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Typos", "Effect": "Allow", "Action": ["s3:GetObjekt", "foo:Bar"], "Resource": "*"},
            {"Sid": "WrongResource", "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::bucket", "bucket/*"]},
            {"Sid": "WildcardOnly", "Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "arn:aws:ec2:*:*:instance/*"},
            {"Sid": "Conditions", "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*",
             "Condition": {"StringEquals": {"aws:CurrentTime": "2024-01-01", "aws:TagKeys": "team", "aws:Bogus": "1"}}}
          ]
        }
        """;

    [Fact]
    public void Should_Explain_Denial_And_Exit_3_When_Condition_Fails()
    {
        // Given / When
        var r = CliRunner.Run(["simulate"], stdin: Request);

        // Then
        Assert.Equal(3, r.ExitCode);
        Golden.Verify("Simulate", "ConditionFails", r.Stdout);
    }

    [Fact]
    public void Should_Print_Decision_And_Trace_When_Format_Is_Json()
    {
        // Given / When
        var r = CliRunner.Run(["simulate", "--format", "json"], stdin: Request.Replace("198.51.100.7", "203.0.113.9", StringComparison.Ordinal));

        // Then
        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("Allowed", doc.RootElement.GetProperty("decision").GetString());
        Assert.Equal("matched", doc.RootElement.GetProperty("trace")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public void Should_Report_Request_Errors_With_Their_Path_When_Request_Is_Invalid()
    {
        // Given / When
        var r = CliRunner.Run(["simulate"], stdin: """{"request": {"action": "s3:GetObject", "resource": "*"}, "identityPolicy": []}""");

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("<stdin>:identityPolicy: error: unknown field", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_Catalog_Findings_And_Exit_2_When_Policy_Has_Errors()
    {
        // Given / When
        var r = CliRunner.Run(["lint", "-"], stdin: LintPolicy);

        // Then
        Assert.Equal(2, r.ExitCode);
        Golden.Verify("Lint", "Findings", r.Stdout);
    }

    [Fact]
    public void Should_Exit_0_Without_Output_When_Emr_Policies_Are_Clean()
    {
        // Given / When
        var r = CliRunner.Run(["lint",
            Path.Combine(RepoPaths.Samples, "emr-launch-policies", "tag-conditioned.json"),
            Path.Combine(RepoPaths.Samples, "emr-launch-policies", "security-group-scoped.json")]);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
    }

    [Fact]
    public void Should_Exit_1_When_Only_Warnings()
    {
        // Given / When
        var r = CliRunner.Run(["lint", "-"], stdin: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*","Condition":{"StringEquals":{"aws:Bogus":"1"}}}]}""");

        // Then
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("<stdin>:Statement[0].Condition.StringEquals.aws:Bogus: warning: unknown condition key \"aws:Bogus\"\n", r.Stdout);
    }
}
