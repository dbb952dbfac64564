using System.Text;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary><c>simulate</c> and <c>check</c> validate every policy as <c>lint</c> does and never crash on bad input
/// (issue #12): errors are exit 2 with a clear message, warnings are shown.</summary>
public sealed class PolicyInputValidationTests
{
    private static string Request(string action = "s3:GetObject", string statement = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", string extra = "") =>
        $$"""{"request":{"principal":"arn:aws:iam::111111111111:user/alice","action":"{{action}}","resource":"arn:aws:s3:::b/k"{{extra}}},"identityPolicies":[{"Version":"2012-10-17","Statement":[{{statement}}]}]}""";

    [Theory]
    [InlineData("EmptyAction", "", "", "request.action: error: empty action")]
    [InlineData("ServiceOnly", "s3", "", "request.action: error: \"s3\" is not of the form service:Action")]
    [InlineData("NumericUnknownKey", "s3:GetObject", ",\"unknownKeys\":[1]", "request.unknownKeys[0]: error: expected a string, not a number")]
    [InlineData("BadResourceMatch", "s3:GetObject", ",\"resourceMatch\":\"some\"", "request.resourceMatch: error: expected \"every\" or \"any\"")]
    public void Should_Reject_A_Malformed_Request_With_Exit_2(string name, string action, string extra, string expected)
    {
        // Given / When
        var r = CliRunner.Run(["simulate"], stdin: Request(action: action, extra: extra));

        // Then
        Assert.True(r.ExitCode == 2, name);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stdout);
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}""", "identityPolicies[0].Statement[0].Action: error: \"s3:GetObjekt\" matches no action")]
    [InlineData("""{"Effect":"Allow","Action":"","Resource":"*"}""", "identityPolicies[0].Statement[0].Action: error: \"\" is not of the form service:action")]
    [InlineData("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3"}""", "\"arn:aws:s3\" has 3 of the 6 ARN fields")]
    [InlineData("""{"Effect":"Allow","Action":"s3:GetObject"}""", "identityPolicies[0].Statement[0]: error: missing Resource")]
    [InlineData("""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}""", "identityPolicies[0].Statement[0].Principal: error: Principal is not allowed")]
    public void Should_Refuse_To_Simulate_A_Policy_Lint_Rejects(string statement, string expected)
    {
        // Given / When
        var r = CliRunner.Run(["simulate"], stdin: Request(statement: statement));

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was evaluated", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Decision", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Explain_A_Decision_Made_By_An_Aws_Rule()
    {
        // Given: an administrator deleting a service-linked role
        const string request = """
            {"request":{"principal":"arn:aws:iam::111111111111:user/admin","action":"iam:DeleteRole",
              "resource":"arn:aws:iam::111111111111:role/aws-service-role/elasticmapreduce.amazonaws.com/AWSServiceRoleForEMRCleanup"},
             "identityPolicies":[{"Version":"2012-10-17","Statement":[{"Sid":"Admin","Effect":"Allow","Action":"*","Resource":"*"}]}]}
            """;

        // When
        var r = CliRunner.Run(["simulate"], stdin: request);

        // Then
        Assert.Equal(3, r.ExitCode);
        Golden.Verify("Simulate", "AwsRule", r.Stdout);
    }

    [Fact]
    public void Should_Show_Warnings_And_Still_Simulate()
    {
        // Given / When
        var r = CliRunner.Run(["simulate"], stdin: Request(statement: """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:Bogus":"1"}}}"""));

        // Then
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("warning: unknown condition key \"aws:Bogus\"", r.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("Decision: ImplicitlyDenied", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"request\":{\"action\":\"s3:GetObject\",\"resource\":\"\\ud800\"}}", "lone surrogate escape \\ud800")]
    [InlineData("{\"request\":{\"action\":\"s3:GetObject\",\"resource\":\"\\udc00x\"}}", "lone surrogate escape \\udc00")]
    public void Should_Report_A_Lone_Surrogate_In_A_Request_Without_Crashing(string text, string expected)
    {
        // Given / When
        var r = CliRunner.Run(["simulate"], stdin: text);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_Invalid_Utf8_In_A_Request_Without_Crashing()
    {
        // Given
        using var tree = new TempTree();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"request\":{\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}}")];
        string file = tree.WriteBytes("req.json", bytes);

        // When
        var r = CliRunner.Run(["simulate", "--request", file]);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("invalid UTF-8 sequence starting with byte 0xC3", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Stop_Check_With_Exit_2_When_A_Candidate_Policy_Has_A_Typo()
    {
        // Given
        using var tree = new TempTree();
        string policy = tree.Write("p.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:*","s3:GetObjekt"],"Resource":"*"}]}""");

        // When
        var r = CliRunner.Run(["check", "--policy", policy, Path.Combine(RepoPaths.Samples, "emr-launch")]);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("p.json:Statement[0].Action: error: \"s3:GetObjekt\" matches no action in the catalog", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was replayed", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stdout);
    }

    [Fact]
    public void Should_Stop_Check_With_Exit_2_When_A_Candidate_Policy_Holds_A_Lone_Surrogate()
    {
        // Given
        using var tree = new TempTree();
        string policy = tree.Write("p.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\\ud800\",\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}");

        // When
        var r = CliRunner.Run(["check", "--policy", policy, Path.Combine(RepoPaths.Samples, "emr-launch")]);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("lone surrogate escape \\ud800", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_A_Get_Policy_Version_Output_As_A_Candidate_Policy()
    {
        // Given
        using var tree = new TempTree();
        string policy = tree.Write("p.json", """{"PolicyVersion":{"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]},"VersionId":"v2"}}""");

        // When
        var r = CliRunner.Run(["check", "--principal", "EMR_DefaultRole_Restricted", "--policy", policy, Path.Combine(RepoPaths.Samples, "emr-launch")]);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0 denied", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Show_A_Candidate_Policy_Finding_As_Lint_Does_When_The_Document_Is_Wrapped()
    {
        // Given: a get-policy-version output whose document names an action that does not exist
        using var tree = new TempTree();
        string policy = tree.Write("p.json", """{"PolicyVersion":{"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]},"VersionId":"v2"}}""");

        // When
        var check = CliRunner.Run(["check", "--principal", "EMR_DefaultRole_Restricted", "--policy", policy, Path.Combine(RepoPaths.Samples, "emr-launch")]);
        var lint = CliRunner.Run(["lint", policy]);

        // Then: the same finding line, its path under the wrapper (PolicyVersion.Document.Statement[0].Action)
        Assert.Equal(2, check.ExitCode);
        string line = Assert.Single(lint.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("PolicyVersion.Document.Statement[0].Action", line, StringComparison.Ordinal);
        Assert.Contains(line + "\n", check.Stderr, StringComparison.Ordinal);
    }
}
