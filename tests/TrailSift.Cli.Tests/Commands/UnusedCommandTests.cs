using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

public sealed class UnusedCommandTests
{
    private static readonly string Emr = Path.Combine(RepoPaths.Samples, "emr-launch");
    private static readonly string Broad = Path.Combine(RepoPaths.TestData, "iam", "authorization", "emr-broad.json");
    private static readonly string Advisor = Path.Combine(RepoPaths.TestData, "iam", "access-advisor");

    [Fact]
    public void Should_Print_Same_Report_As_Core_When_Run_On_Emr_Sample()
    {
        // When
        CliRunner.Result result = CliRunner.Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted", Emr]);

        // Then: the command's scan gives what the in-memory run gives (its golden file)
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var expected = UsageRun.Text(UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn]));
        Assert.Equal(expected, result.Stdout);
    }

    [Fact]
    public void Should_Judge_Every_User_And_Role_When_No_Principal_Is_Given()
    {
        // When
        CliRunner.Result result = CliRunner.Run(["unused", "--iam", Broad, "--format", "json", "--access-advisor", Advisor, Emr]);

        // Then
        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        string[] arns = [.. json.RootElement.GetProperty("principals").EnumerateArray().Select(p => p.GetProperty("arn").GetString()!)];
        Assert.Equal(["arn:aws:iam::123456789012:user/ci/ci-emr-deployer", UsageRun.EmrRoleArn, "arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole"], arns);
        Assert.All(json.RootElement.GetProperty("principals").EnumerateArray(),
            p => Assert.True(p.GetProperty("reduced").GetProperty("verification").GetProperty("passed").GetBoolean()));
        Assert.Contains("2 Access Advisor reports name it", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_No_Principals_When_The_Authorization_Details_Hold_None()
    {
        // Given: authorization details with no user, group or role
        string dir = Directory.CreateTempSubdirectory("trailsift-unused-none").FullName;
        string details = Path.Combine(dir, "none.json");
        File.WriteAllText(details, """{"UserDetailList":[],"GroupDetailList":[],"RoleDetailList":[],"Policies":[]}""");
        try
        {
            // When
            CliRunner.Result result = CliRunner.Run(["unused", "--iam", details, "--format", "json", Emr]);

            // Then: the input's coverage and no principal (it crashed in the merge of no principals)
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            using JsonDocument json = JsonDocument.Parse(result.Stdout);
            Assert.Equal(0, json.RootElement.GetProperty("principals").GetArrayLength());
            Assert.Equal(284, json.RootElement.GetProperty("coverage").GetProperty("events").GetInt32());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Should_Read_Standard_Input_Once_When_No_Path_Is_Given()
    {
        // Given: the sample's events as one CloudTrail log file on standard input
        string stdin = "{\"Records\":[" + string.Join(",", UsageRun.Emr) + "]}";

        // When
        CliRunner.Result result = CliRunner.Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted"], stdin);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(UsageRun.Text(UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn])), result.Stdout);
    }

    [Fact]
    public void Should_Judge_Each_Principal_In_Order_When_Principal_Is_Repeated()
    {
        // When: a name, then an ARN; the same role twice counts once
        CliRunner.Result result = CliRunner.Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted",
            "--principal", UsageRun.DeployerArn, "--principal", UsageRun.EmrRoleArn, "--format", "ndjson", Emr]);

        // Then: one line per principal, as the in-memory run of both gives
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([UsageRun.EmrRoleArn, UsageRun.DeployerArn],
            lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("principal").GetProperty("arn").GetString()));
        Assert.Equal(UsageRun.Text(UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn, UsageRun.DeployerArn])),
            CliRunner.Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted,ci-emr-deployer", Emr]).Stdout);
    }

    [Theory]
    [InlineData("terraform", "emr.tf")]
    [InlineData("cfn", "emr.cloudformation")]
    public void Should_Print_Verified_Reduced_Policies_When_Format_Is_A_Deployment_Format(string format, string golden)
    {
        // When
        CliRunner.Result result = CliRunner.Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted",
            "--principal", "ci-emr-deployer", "--format", format, Emr]);

        // Then
        Assert.Equal(0, result.ExitCode);
        Golden.Verify("Usage", golden, result.Stdout);
    }

    [Fact]
    public void Should_Write_Self_Contained_Html_When_Format_Is_Html()
    {
        // When
        CliRunner.Result result = CliRunner.Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted", "--format", "html", Emr]);

        // Then: the same page the printer writes, with nothing loaded from elsewhere
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(UsageRun.Html(UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn])), result.Stdout);
        Assert.DoesNotContain("src=", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "unused", "SAMPLE" }, "unused needs --iam FILE")]
    [InlineData(new[] { "unused", "--iam", "missing.json", "SAMPLE" }, "trailsift: missing.json: ")]
    [InlineData(new[] { "unused", "--iam", "BROAD", "--principal", "nobody", "SAMPLE" }, "--principal: nobody is not a user or role")]
    [InlineData(new[] { "unused", "--iam", "BROAD", "--format", "yaml", "SAMPLE" }, "--format: expected text, json, ndjson, html, terraform or cloudformation")]
    public void Should_Exit_2_With_Reason_When_Input_Is_Wrong(string[] args, string reason)
    {
        string[] resolved = [.. args.Select(a => a switch { "SAMPLE" => Emr, "BROAD" => Broad, _ => a })];
        CliRunner.Result result = CliRunner.Run(resolved);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }
}
