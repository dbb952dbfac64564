using System.Text;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Lint;

namespace TrailSift.Core.Tests.Iam.Policy;

/// <summary>The policy JSON reader never throws, and says what is wrong; the input reader unwraps CLI output.</summary>
public sealed class PolicyInputTests
{
    [Theory]
    [InlineData("{\"Statement\":[],}", "invalid JSON: trailing comma before '}'", 15)]
    [InlineData("{\"Statement\":[1,]}", "invalid JSON: trailing comma before ']'", 15)]
    [InlineData("{\"Sid\":\"\\ud800\"}", "invalid JSON: lone surrogate escape \\ud800", 8)]
    [InlineData("{\"Sid\":\"\\udfff\"}", "invalid JSON: lone surrogate escape \\udfff", 8)]
    [InlineData("{\"Sid\":\"\\ud800\\u0041\"}", "invalid JSON: lone surrogate escape \\ud800", 8)]
    [InlineData("{\"Sid\":\"a\nb\"}", "invalid JSON: control character U+000A inside a string", 9)]
    [InlineData("{\"Sid\":\"\\x\"}", "invalid JSON: invalid escape '\\x' in a string", 8)]
    [InlineData("{\"A\":01}", "invalid JSON: invalid number: leading zeros are not allowed", 5)]
    [InlineData("{\"A\":tru}", "invalid JSON: expected a value, found 't'", 5)]
    [InlineData("{\"A\":1} {}", "unexpected data after the end of the document", 8)]
    [InlineData("", "the document is empty", 0)]
    public void Should_Describe_The_Json_Error_When_The_Text_Is_Not_Json(string text, string message, long offset)
    {
        // Given / When
        PolicyParseResult result = PolicyParser.Parse(text);

        // Then
        PolicyDiagnostic d = Assert.Single(result.Diagnostics);
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
        Assert.Equal(offset, d.Offset);
    }

    [Fact]
    public void Should_Reject_Invalid_Utf8_And_Overlong_Forms_Without_Throwing()
    {
        // Given
        byte[][] inputs =
        [
            [.. "{\"Sid\":\""u8, 0xFF, .. "\"}"u8],
            [.. "{\"Sid\":\""u8, 0xC0, 0xAF, .. "\"}"u8],
            [.. "{\"Sid\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8],
            [.. "{\"Sid\":\""u8, 0xE2, 0x82],
        ];

        foreach (byte[] input in inputs)
        {
            // When
            PolicyParseResult result = PolicyParser.Parse(input);
            SimulationParseResult request = SimulationRequestParser.Parse(input);

            // Then
            Assert.Contains("UTF-8", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
            Assert.False(request.Succeeded);
        }
    }

    [Fact]
    public void Should_Decode_A_Valid_Surrogate_Pair_And_Multibyte_Text()
    {
        // Given
        string json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\\ud83d\\ude00é\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

        // When
        PolicyParseResult result = PolicyParser.Parse(json);

        // Then
        Assert.True(result.Succeeded);
        Assert.Equal("\U0001F600é", result.Document!.Statements[0].Sid);
    }

    [Fact]
    public void Should_Survive_Deep_Nesting_With_A_Message()
    {
        // Given
        string deep = new string('[', 10_000) + new string(']', 10_000);

        // When
        PolicyParseResult result = PolicyParser.Parse(deep);

        // Then
        Assert.Contains("nesting deeper than 64 levels", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_Each_Document_When_Several_Follow_One_Another()
    {
        // Given
        byte[] input = Encoding.UTF8.GetBytes("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}
            """);

        // When
        var documents = PolicyInputReader.Read(input);

        // Then
        Assert.Equal(["#1", "#2"], documents.Select(d => d.Label));
        Assert.All(documents, d => Assert.True(d.Parsed.Succeeded));
        Assert.Equal(Effect.Deny, documents[1].Parsed.Document!.Statements[0].Effect);
    }

    [Theory]
    [InlineData("""{"PolicyVersion":{"Document":"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D","VersionId":"v1"}}""", "PolicyVersion.Document")]
    [InlineData("""{"Policy":{"PolicySummary":{"Id":"p-1"},"Content":"{\"Version\":\"2012-10-17\",\"Statement\":[]}"}}""", "Policy.Content")]
    [InlineData("""{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[]}","PolicyName":"default"}""", "Policy")]
    public void Should_Unwrap_Aws_Cli_Output(string text, string wrapper)
    {
        // Given / When
        PolicyInputDocument document = Assert.Single(PolicyInputReader.Read(Encoding.UTF8.GetBytes(text)));

        // Then
        Assert.Equal(wrapper, document.WrapperPath);
        Assert.True(document.Parsed.Succeeded, string.Join("; ", document.Parsed.Diagnostics));
        Assert.Equal("2012-10-17", document.Parsed.Document!.Version);
    }

    [Fact]
    public void Should_Name_The_Wrapper_When_A_Wrapped_String_Is_Not_Json()
    {
        // Given / When
        PolicyInputDocument document = Assert.Single(PolicyInputReader.Read("""{"PolicyDocument":"{\"Statement\":[],}"}"""u8));

        // Then
        PolicyDiagnostic d = Assert.Single(document.Parsed.Diagnostics);
        Assert.Equal("PolicyDocument", d.Path);
        Assert.StartsWith("invalid JSON: trailing comma before '}' (at byte 15 of the policy string)", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PolicyKind.Identity, """{"Sid":"S1","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}""", "Principal is not allowed")]
    [InlineData(PolicyKind.Scp, """{"Sid":"S1","Effect":"Deny","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:GetObject","Resource":"*"}""", "NotPrincipal is not allowed")]
    [InlineData(PolicyKind.Resource, """{"Sid":"S1","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "missing Principal")]
    [InlineData(PolicyKind.Endpoint, """{"Sid":"S1","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "missing Principal")]
    [InlineData(PolicyKind.Boundary, """{"Sid":"S1","Effect":"Allow","Action":"s3:GetObject"}""", "missing Resource")]
    [InlineData(PolicyKind.Session, """{"Sid":"S-1","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "may hold only letters")]
    [InlineData(PolicyKind.Resource, """{"Sid":"S1","Effect":"Allow","Principal":{"AWS":"12345"},"Action":"s3:GetObject","Resource":"*"}""", "neither \"*\", a 12-digit account id nor an ARN")]
    [InlineData(PolicyKind.Resource, """{"Sid":"S1","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::12345:root"},"Action":"s3:GetObject","Resource":"*"}""", "invalid account \"12345\"")]
    public void Should_Apply_The_Grammar_Of_The_Policy_Kind(PolicyKind kind, string statement, string expected)
    {
        // Given
        PolicyDocument document = PolicyParser.Parse($$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""").Document!;

        // When
        var findings = PolicyLinter.Default.Lint(document, kind);

        // Then
        Assert.Contains(findings, f => f.Severity == DiagnosticSeverity.Error && f.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/*")]
    [InlineData("arn:aws:iam::aws:policy/AdministratorAccess")]
    [InlineData("arn:aws:ec2:*:*:instance/*")]
    [InlineData("arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-1")]
    [InlineData("arn:aws:logs:eu-central-1:${aws:PrincipalAccount}:log-group:/x:*")]
    [InlineData("arn:aws:ec2:us-east-1:12345678901?:instance/*")]
    public void Should_Accept_Well_Formed_Arns(string arn)
    {
        // Given
        PolicyDocument document = PolicyParser.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"{{arn}}"}]}""").Document!;

        // When / Then
        Assert.DoesNotContain(PolicyLinter.Default.Lint(document, PolicyKind.Identity), f => f.Severity == DiagnosticSeverity.Error);
    }
}
