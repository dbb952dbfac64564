using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Iam.Evaluation;

public sealed class PolicyEvaluatorTests
{
    private const string User = "arn:aws:iam::111111111111:user/alice";

    private static PolicyDocument Parse(string json)
    {
        PolicyParseResult result = PolicyParser.Parse(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        return result.Document!;
    }

    [Fact]
    public void Should_Trace_Failed_Condition_With_Values_When_Allow_Does_Not_Apply()
    {
        // Given
        var set = new PolicySet(identityPolicies:
        [
            Parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"Tls","Effect":"Allow","Action":"s3:*","Resource":"*",
                "Condition":{"StringEquals":{"aws:RequestedRegion":["us-east-1","us-west-2"]},"Bool":{"aws:SecureTransport":"true"}}}]}
                """),
        ]);
        var request = new RequestContext("s3:GetObject", "arn:aws:s3:::b/k", User,
            [new("aws:RequestedRegion", "eu-west-1")]);

        // When
        EvaluationResult result = PolicyEvaluator.Evaluate(set, request);

        // Then
        Assert.Equal(Decision.ImplicitlyDenied, result.Decision);
        StatementTrace statement = Assert.Single(result.Trace);
        Assert.Equal(("Tls", MatchOutcome.NotMatched, StatementElement.Condition), (statement.Sid, statement.Outcome, statement.FailedElement));
        Assert.Equal(2, statement.FailedConditions.Length);
        ConditionTrace region = statement.FailedConditions[0];
        Assert.Equal(("StringEquals", "aws:RequestedRegion", false), (region.Operator, region.Key, region.KeyMissing));
        Assert.Equal(new[] { "us-east-1", "us-west-2" }, region.PolicyValues.ToArray());
        Assert.Equal(new[] { "eu-west-1" }, region.RequestValues.ToArray());
        Assert.True(statement.FailedConditions[1].KeyMissing);
        Assert.Equal(new[] { "aws:SecureTransport" }, statement.MissingKeys.ToArray());
    }

    [Fact]
    public void Should_Leave_Statements_For_Other_Actions_Out_Of_The_Trace()
    {
        // Given
        var set = new PolicySet(identityPolicies:
            [Parse("""{"Statement":[{"Sid":"Ec2","Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Sid":"S3","Effect":"Allow","Action":"s3:*","Resource":"*"}]}""")]);

        // When
        EvaluationResult result = PolicyEvaluator.Evaluate(set, new RequestContext("s3:GetObject", "*", User));

        // Then
        Assert.Equal(["S3"], result.Trace.Select(t => t.Sid));
        Assert.Equal((Decision.Allowed, PolicyType.IdentityPolicy), (result.Decision, result.DecidingPolicyType));
    }

    [Fact]
    public void Should_Name_The_Deciding_Level_When_An_Scp_Level_Lacks_Allow()
    {
        // Given
        PolicyDocument full = Parse("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        PolicyDocument ec2 = Parse("""{"Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}""");
        var set = new PolicySet(identityPolicies: [full], serviceControlPolicies: [[full], [full], [ec2]]);

        // When
        EvaluationResult result = PolicyEvaluator.Evaluate(set, new RequestContext("s3:GetObject", "*", User));

        // Then
        Assert.Equal((Decision.ImplicitlyDenied, DecisionReason.ServiceControlPolicyLacksAllow, 2),
            (result.Decision, result.Reason, result.DecidingLevel));
        Assert.Equal("no allow in serviceControlPolicies[2]", EvaluationResultWriter.Describe(result));
    }

    [Fact]
    public void Should_Give_The_Same_Result_When_Evaluated_In_Parallel()
    {
        // Given
        var set = new PolicySet(identityPolicies:
            [Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}""")]);
        var requests = Enumerable.Range(0, 64)
            .Select(i => new RequestContext("s3:GetObject", $"arn:aws:s3:::b/user{i % 2}/k", $"arn:aws:iam::111111111111:user/user{i % 4}"))
            .ToArray();

        // When
        Decision[] decisions = new Decision[requests.Length];
        Parallel.For(0, requests.Length * 50, i => decisions[i % requests.Length] = PolicyEvaluator.Evaluate(set, requests[i % requests.Length]).Decision);

        // Then
        for (int i = 0; i < requests.Length; i++)
        {
            Decision expected = i % 4 < 2 && i % 4 == i % 2 ? Decision.Allowed : Decision.ImplicitlyDenied;
            Assert.Equal(expected, decisions[i]);
        }
    }

    [Fact]
    public void Should_Derive_Global_Keys_From_The_Principal()
    {
        // Given / When
        var request = new RequestContext("s3:GetObject", "arn:aws:s3:::b/k", "arn:aws:sts::111111111111:assumed-role/Admin/s1");

        // Then
        Assert.Equal(new ContextValue("arn:aws:iam::111111111111:role/Admin"), request.Context["aws:PrincipalArn"]);
        Assert.Equal(new ContextValue("111111111111"), request.Context["aws:PrincipalAccount"]);
        Assert.Equal(new ContextValue("AssumedRole"), request.Context["aws:PrincipalType"]);
        Assert.Equal(new ContextValue("false"), request.Context["aws:PrincipalIsAWSService"]);
        Assert.False(request.Context.ContainsKey("aws:username"));
    }

    [Fact]
    public void Should_Write_Json_And_Text_When_Undecidable()
    {
        // Given
        var set = new PolicySet(identityPolicies:
            [Parse("""{"Statement":[{"Sid":"Team","Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}]}""")]);
        var request = new RequestContext("s3:GetObject", "*", User, unknownKeys: ["aws:PrincipalTag/team"]);
        EvaluationResult result = PolicyEvaluator.Evaluate(set, request);

        // When
        string json = EvaluationResultWriter.ToJsonString(result, indented: false);
        string text = EvaluationResultWriter.ToText(result);

        // Then
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal("ImplicitlyDenied", (string)root["decision"]!);
        Assert.False((bool)root["decidable"]!);
        Assert.Equal("aws:PrincipalTag/team", (string)root["unknownKeys"]![0]!);
        Assert.Equal("undecidable", (string)root["trace"]![0]!["outcome"]!);
        Assert.True((bool)root["trace"]![0]!["failedConditions"]![0]!["keyUnknown"]!);
        Assert.Equal(
            """
            Decision: ImplicitlyDenied (no policy allows the request)
            Undecidable: depends on unknown keys aws:PrincipalTag/team; possible decisions: ImplicitlyDenied, Allowed
              identityPolicies[0] statement 0 "Team" Allow: undecidable
                StringEquals aws:PrincipalTag/team: policy [blue], request unknown

            """.ReplaceLineEndings("\n"),
            text);
    }
}
