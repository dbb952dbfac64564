using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Iam.Evaluation;

public sealed class SimulationRequestParserTests
{
    [Fact]
    public void Should_Prefix_Policy_Diagnostics_With_Their_Place_In_The_Request()
    {
        // Given
        const string json = """
            {"request": {"action": "s3:GetObject", "resource": "*"},
             "identityPolicies": [{"Statement": []}, {"Statement": [{"Effect": "allow", "Action": "*"}]}],
             "serviceControlPolicies": [[], [{"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringEqual": {"a:b": "c"}}}}]]}
            """;

        // When
        SimulationParseResult result = SimulationRequestParser.Parse(json);

        // Then
        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "identityPolicies[1].Statement[0].Effect: invalid value \"allow\" (expected \"Allow\" or \"Deny\"; the value is case-sensitive)",
                "serviceControlPolicies[1][0].Statement.Condition: unknown operator \"StringEqual\"",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Should_Report_Missing_And_Unknown_Fields()
    {
        // Given
        const string json = """{"request": {"principal": "arn:aws:iam::111111111111:user/a", "verb": "x"}, "policies": []}""";

        // When
        SimulationParseResult result = SimulationRequestParser.Parse(json);

        // Then
        Assert.False(result.Succeeded);
        string[] messages = result.Diagnostics.Select(d => d.ToString()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("request.verb: unknown field \"verb\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("policies: unknown field \"policies\"", StringComparison.Ordinal));
        Assert.Contains("request: missing field \"action\"", messages);
        Assert.Contains("request: missing field \"resource\" (use \"*\" for actions without a resource)", messages);
    }

    [Fact]
    public void Should_Refuse_The_Request_When_The_Principal_Is_An_Empty_String()
    {
        // Given: an empty principal (found by the #12 campaign: it was evaluated as if it were a caller)
        const string json = """{"request": {"principal": "", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}, "identityPolicies": []}""";

        // When
        SimulationParseResult result = SimulationRequestParser.Parse(json);

        // Then
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.ToString().StartsWith("request.principal: empty principal", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Build_Context_With_Single_And_Multiple_Values()
    {
        // Given
        const string json = """
            {"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k",
                         "context": {"aws:SourceIp": "10.1.2.3", "aws:TagKeys": ["a", "b"], "aws:MultiFactorAuthAge": 30, "aws:SecureTransport": true},
                         "unknownKeys": ["aws:PrincipalTag/*"]}}
            """;

        // When
        RequestContext request = SimulationRequestParser.Parse(json).Request!.Request;

        // Then
        Assert.Equal(new ContextValue("10.1.2.3"), request.Context["aws:sourceip"]);
        Assert.Equal(ContextValue.Multi("a", "b"), request.Context["aws:TagKeys"]);
        Assert.Equal(new ContextValue("30"), request.Context["aws:MultiFactorAuthAge"]);
        Assert.Equal(new ContextValue("true"), request.Context["aws:SecureTransport"]);
        Assert.True(request.IsUnknown("aws:PrincipalTag/team"));
        Assert.Equal("111111111111", request.ResourceAccount);
    }

    [Fact]
    public void Should_Accept_A_Policy_Given_As_A_Json_String()
    {
        // Given
        const string json = """
            {"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject", "resource": "*"},
             "identityPolicies": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"]}
            """;

        // When
        SimulationParseResult result = SimulationRequestParser.Parse(json);

        // Then
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        Assert.Equal(Decision.Allowed, result.Request!.Evaluate().Decision);
    }

    [Fact]
    public void Should_Report_Invalid_Json_With_An_Offset()
    {
        // Given / When
        SimulationParseResult result = SimulationRequestParser.Parse("{\"request\": ");

        // Then
        PolicyDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith("invalid JSON", diagnostic.Message, StringComparison.Ordinal);
    }
}
