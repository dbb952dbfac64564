using System.Text;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary><c>lint</c> validates like IAM: policy kinds, Sids, ARN fields, every error in one run, readable JSON
/// errors, and policies wrapped in AWS CLI output or several documents in one file.</summary>
public sealed class LintGrammarTests
{
    private const string Mixed = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read Reports", "Effect": "allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::reports/*"},
            {"Sid": "Read Reports", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3"},
            {"Sid": "Accounts", "Effect": "Allow", "Action": "iam:GetRole", "Resource": ["arn:aws:iam::123:role/x", "arn:aws:iam::123456789012:role/ok"]},
            {"Sid": "Regions", "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": ["arn:aws:ec2:useast1:123456789012:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/*", "arn:awz:ec2:us-east-1:123456789012:instance/*"]},
            {"Sid": "NoResource", "Effect": "Allow", "Action": "s3:ListAllMyBuckets"}
          ]
        }
        """;

    private static CliRunner.Result Lint(string stdin, params string[] options) => CliRunner.Run(["lint", .. options, "-"], stdin: stdin);

    [Fact]
    public void Should_Report_Every_Error_Of_An_Identity_Policy_In_One_Run()
    {
        // Given / When
        var r = Lint(Mixed, "--type", "identity");

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Statement[0].Effect: error: invalid value \"allow\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Statement[0].Action: error: \"s3:GetObjekt\" matches no action", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Statement[1].Principal: error: Principal is not allowed in an identity-based policy", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Statement[1].Sid: error: duplicate Sid \"Read Reports\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("invalid account \"123\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("invalid Region \"useast1\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("unknown partition \"awz\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Statement[4]: error: missing Resource", r.Stdout, StringComparison.Ordinal);
        Golden.Verify("Lint", "IdentityGrammar", r.Stdout);
    }

    [Fact]
    public void Should_Require_A_Principal_When_Linting_A_Resource_Or_Endpoint_Policy()
    {
        // Given
        const string policy = """{"Version":"2012-10-17","Statement":[{"Sid":"ok","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""";

        // When
        var resource = Lint(policy, "--type", "resource");
        var endpoint = Lint(policy, "--type", "endpoint");
        var identity = Lint(policy, "--type", "identity");

        // Then
        Assert.Equal(2, resource.ExitCode);
        Assert.Contains("<stdin>:Statement[0]: error: missing Principal: every statement of a resource-based policy must name a Principal", resource.Stdout, StringComparison.Ordinal);
        Assert.Contains("missing Principal: every statement of a VPC endpoint policy", endpoint.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, identity.ExitCode);
    }

    [Fact]
    public void Should_Accept_A_Sid_With_Spaces_In_A_Resource_Policy_But_Not_In_An_Scp()
    {
        // Given
        const string policy = """{"Version":"2012-10-17","Statement":[{"Sid":"Allow reads","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""";
        const string scp = """{"Version":"2012-10-17","Statement":[{"Sid":"Deny-Regions","Effect":"Deny","Action":"*","Resource":"*"}]}""";

        // When
        var resource = Lint(policy);
        var control = Lint(scp, "--type", "scp");

        // Then
        Assert.Equal(0, resource.ExitCode);
        Assert.Equal(2, control.ExitCode);
        Assert.Contains("\"Deny-Regions\": a Sid of a service control policy may hold only letters A-Z, a-z and digits 0-9", control.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Enforce_Rcp_Rules_When_Type_Is_Rcp()
    {
        // Given
        const string rcp = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"NotAction":"s3:GetObject","Resource":"*"}]}""";

        // When
        var r = Lint(rcp, "--type", "rcp");

        // Then
        Assert.Equal(2, r.ExitCode);
        Golden.Verify("Lint", "Rcp", r.Stdout);
    }

    [Theory]
    [InlineData("TrailingComma", "{\"Version\":\"2012-10-17\",\n \"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",}]}")]
    [InlineData("MissingComma", "{\"Version\":\"2012-10-17\"\n \"Statement\":[]}")]
    [InlineData("SingleQuotes", "{'Version':'2012-10-17'}")]
    [InlineData("Comment", "// my policy\n{}")]
    [InlineData("LoneSurrogate", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\\ud800\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")]
    [InlineData("Unterminated", "{\"Version\":\"2012-10-17")]
    public void Should_Explain_Json_Syntax_Errors_With_Line_And_Column(string name, string text)
    {
        // Given / When
        var r = Lint(text);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("Change the reader options", r.Stdout, StringComparison.Ordinal);
        Golden.Verify("Lint", "Json" + name, r.Stdout);
    }

    [Fact]
    public void Should_Report_Invalid_Utf8_Without_Crashing()
    {
        // Given
        using var tree = new TempTree();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}]}")];
        string file = tree.WriteBytes("bad.json", bytes);

        // When
        var r = CliRunner.Run(["lint", file]);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: invalid JSON: invalid UTF-8 byte 0xFF", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GetPolicyVersion", """{"PolicyVersion":{"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]},"VersionId":"v1","IsDefaultVersion":true}}""")]
    [InlineData("GetRolePolicyUrlEncoded", """{"RoleName":"app","PolicyName":"p","PolicyDocument":"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObjekt%22%2C%22Resource%22%3A%22*%22%7D%5D%7D"}""")]
    [InlineData("GetBucketPolicyString", """{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"}""")]
    [InlineData("GetRoleTrust", """{"Role":{"RoleName":"app","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}}""")]
    public void Should_Read_Policies_Wrapped_In_Aws_Cli_Output(string name, string text)
    {
        // Given / When
        var r = Lint(text);

        // Then
        Golden.Verify("Lint", "Wrapped" + name, $"exit {r.ExitCode}\n{r.Stdout}");
    }

    [Fact]
    public void Should_Lint_Every_Document_When_A_File_Holds_Several()
    {
        // Given: what `trailsift policy` prints when it splits a policy
        const string two = """
            {"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}
            {"Version":"2012-10-17","Statement":[{"Sid":"B","Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]}
            """;

        // When
        var r = Lint(two);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("<stdin>#2:Statement[0].Action: error: \"s3:GetObjekt\" matches no action in the catalog\n", r.Stdout);
    }
}
