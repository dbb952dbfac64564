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

        // Then: the command's two scans give what the in-memory run gives (its golden file)
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

    [Theory]
    [InlineData(new[] { "unused", "SAMPLE" }, "unused needs --iam FILE")]
    [InlineData(new[] { "unused", "--iam", "missing.json", "SAMPLE" }, "trailsift: missing.json: ")]
    [InlineData(new[] { "unused", "--iam", "BROAD", "--principal", "nobody", "SAMPLE" }, "--principal: nobody is not a user or role")]
    [InlineData(new[] { "unused", "--iam", "BROAD", "--format", "yaml", "SAMPLE" }, "--format: expected text, json or ndjson")]
    public void Should_Exit_2_With_Reason_When_Input_Is_Wrong(string[] args, string reason)
    {
        string[] resolved = [.. args.Select(a => a switch { "SAMPLE" => Emr, "BROAD" => Broad, _ => a })];
        CliRunner.Result result = CliRunner.Run(resolved);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }
}
