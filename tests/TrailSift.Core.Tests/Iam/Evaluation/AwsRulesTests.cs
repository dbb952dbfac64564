using System.Text.Json.Nodes;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Iam.Evaluation;

/// <summary>The AWS rule table: every row has a source, is documented, and has cases on both sides.</summary>
public sealed class AwsRulesTests
{
    [Fact]
    public void Should_Document_Every_Rule_With_Its_Source()
    {
        // Given
        string doc = File.ReadAllText(Path.Combine(IamTestData.Root, "docs", "simulate-request.md"));

        // When
        var missing = AwsRules.Table.Where(r => !doc.Contains($"`{r.Id}`", StringComparison.Ordinal) || !doc.Contains(r.SourceUrl, StringComparison.Ordinal))
            .Select(r => r.Id).ToList();

        // Then
        Assert.Empty(missing);
        Assert.All(AwsRules.Table, r => Assert.StartsWith("https://", r.SourceUrl, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Have_Cases_On_Both_Sides_Of_Every_Rule()
    {
        // Given
        JsonArray cases = IamTestData.LoadCases(Path.Combine(IamTestData.EvalDirectory, "aws-rules.json"));
        var decidedByRule = new HashSet<string>(StringComparer.Ordinal);
        var notDecidedByRule = new HashSet<string>(StringComparer.Ordinal);

        // When
        foreach (JsonNode? node in cases)
        {
            EvaluationResult result = SimulationRequestParser.Parse(node!["input"]!.ToJsonString()).Request!.Evaluate();
            RequestContext request = SimulationRequestParser.Parse(node["input"]!.ToJsonString()).Request!.Request;
            foreach (AwsRule rule in AwsRules.Table.Where(r => r.Kind != AwsRuleKind.ScpExempt))
            {
                bool sameAction = rule.Actions.Any(a => a.Equals(request.Action, StringComparison.OrdinalIgnoreCase));
                if (result.AwsRule?.Id == rule.Id)
                {
                    decidedByRule.Add(rule.Id);
                }
                else if (sameAction || (rule.Kind == AwsRuleKind.Allow && request.Action.StartsWith("sts:", StringComparison.Ordinal)))
                {
                    notDecidedByRule.Add(rule.Id);
                }
            }
        }

        // Then
        foreach (AwsRule rule in AwsRules.Table.Where(r => r.Kind != AwsRuleKind.ScpExempt))
        {
            Assert.Contains(rule.Id, decidedByRule);
            Assert.Contains(rule.Id, notDecidedByRule);
        }
    }
}
