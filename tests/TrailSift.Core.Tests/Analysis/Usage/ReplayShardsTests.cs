using System.Text;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The replay of a reduced policy through shards against the full evaluator (the oracle): generated documents with many
/// exact resources, wildcards, variables, case variants, NotResource, conditions on known and unknown keys, Deny
/// statements and boundaries; generated requests on those resources and others.
/// </summary>
public sealed class ReplayShardsTests
{
    private const string User = "arn:aws:iam::111111111111:user/alice";
    private static readonly string[] Actions = ["s3:GetObject", "s3:PutObject", "sqs:DeleteQueue", "ec2:RunInstances"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Should_Decide_As_The_Full_Evaluator_When_Requests_Are_Replayed_Through_Shards(int seed)
    {
        // Given
        var random = new Random(seed);
        string[] resources = [.. Enumerable.Range(0, 120).Select(i => Resource(random, i))];
        PolicyDocument document = Parse(Document(random, resources, deny: false));
        PolicyDocument? boundary = random.Next(2) == 0 ? null : Parse(Document(random, resources, deny: true));
        var full = new PolicySet(identityPolicies: [document], permissionBoundaries: boundary is null ? null : [boundary]);
        var shards = new ReplayShards(document, boundary);
        int quick = 0, allowed = 0;

        // When / Then
        Assert.True(shards.ShardCount > 1);
        for (int i = 0; i < 3000; i++)
        {
            RequestContext request = Request(random, resources);
            EvaluationResult expected = PolicyEvaluator.Evaluate(full, request, includeTrace: false);
            EvaluationResult? result = shards.Evaluate(request);
            bool isAllowed = expected.IsDecidable && expected.Decision == Decision.Allowed;
            allowed += isAllowed ? 1 : 0;
            if (result is null)
            {
                quick++;
                Assert.True(isAllowed, $"{request.Action} on {request.Resource}");
            }
            else
            {
                Assert.Equal(expected.Decision, result.Decision);
                Assert.Equal(expected.PossibleDecisions, result.PossibleDecisions);
            }
        }

        // The shards answered most allowed requests on their own.
        Assert.True(quick > allowed / 2, $"{quick} of {allowed}");
    }

    [Fact]
    public void Should_Use_No_Shard_When_The_Document_Lists_Few_Exact_Resources()
    {
        // Given
        PolicyDocument document = Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/1","arn:aws:s3:::b/*"]}]}
            """);

        // When
        var shards = new ReplayShards(document, boundary: null);

        // Then: every request is evaluated against the full document
        Assert.Equal(0, shards.ShardCount);
        EvaluationResult? result = shards.Evaluate(new RequestContext("s3:GetObject", "arn:aws:s3:::b/1", User));
        Assert.Equal(Decision.Allowed, result?.Decision);
    }

    private static string Resource(Random random, int i) => random.Next(10) switch
    {
        0 => $"arn:aws:sqs:us-east-1:111111111111:queue-{i}",
        1 => $"arn:aws:ec2:us-east-1:111111111111:instance/i-{i:x8}",
        _ => $"arn:aws:s3:::bucket-{i % 7}/key-{i}",
    };

    private static string Document(Random random, string[] resources, bool deny)
    {
        var statements = new List<string>();
        int count = deny ? 2 : 3 + random.Next(5);
        for (int s = 0; s < count; s++)
        {
            string effect = !deny && random.Next(6) == 0 ? "Deny" : "Allow";
            string actions = Json(Actions.Where(_ => random.Next(2) == 0).DefaultIfEmpty("s3:*"));
            var entries = new List<string>();
            int n = deny ? 40 : effect == "Deny" ? 2 : 10 + random.Next(60);
            for (int e = 0; e < n; e++)
            {
                string exact = resources[random.Next(resources.Length)];
                entries.Add(random.Next(12) switch
                {
                    0 => exact[..^2] + "*",
                    1 => "arn:aws:s3:::bucket-" + random.Next(7) + "/${aws:username}/*",
                    2 => exact.Replace("arn:aws:", "arn:AWS:", StringComparison.Ordinal),
                    3 => exact[..^1] + "?",
                    _ => exact,
                });
            }

            string element = random.Next(8) == 0 ? "NotResource" : "Resource";
            string condition = random.Next(4) switch
            {
                0 => ""","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}""",
                1 => ""","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}""",
                _ => string.Empty,
            };
            statements.Add($$"""{"Effect":"{{effect}}","Action":{{actions}},"{{element}}":{{Json(entries)}}{{condition}}}""");
        }

        if (deny)
        {
            statements.Add("""{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::*"}""");
        }

        return """{"Version":"2012-10-17","Statement":[""" + string.Join(",", statements) + "]}";
    }

    private static RequestContext Request(Random random, string[] resources)
    {
        string resource = random.Next(10) switch
        {
            0 => "*",
            1 => "arn:aws:s3:::bucket-" + random.Next(7) + "/*",
            2 => "arn:aws:s3:::bucket-1/other",
            _ => resources[random.Next(resources.Length)],
        };
        string region = random.Next(3) == 0 ? "eu-west-1" : "us-east-1";
        string[] unknown = random.Next(2) == 0 ? ["aws:PrincipalTag/team"] : [];
        return new RequestContext(Actions[random.Next(Actions.Length)], resource, User, [new("aws:RequestedRegion", region), new("aws:username", "alice")], unknown);
    }

    private static string Json(IEnumerable<string> values)
    {
        var text = new StringBuilder("[");
        foreach (string value in values)
        {
            text.Append(text.Length > 1 ? ",\"" : "\"").Append(value).Append('"');
        }

        return text.Append(']').ToString();
    }

    private static PolicyDocument Parse(string json)
    {
        PolicyParseResult result = PolicyParser.Parse(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        return result.Document!;
    }
}
