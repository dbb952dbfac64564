using System.Text.Json.Nodes;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Iam.Evaluation;

/// <summary>
/// Data-driven evaluator cases from tests/data/iam/eval/*.json. Each case is
/// <c>{"name", "doc", "input": &lt;simulate request&gt;, "expect": {"decision", "unknownKeys"?, "matchedSids"?,
/// "possibleDecisions"?, "reason"?, "textContains"?}}</c> and runs as its own theory row.
/// </summary>
public sealed class EvaluationCaseTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in IamTestData.EvalFiles())
        {
            foreach (JsonNode? node in IamTestData.LoadCases(file))
            {
                data.Add(Path.GetFileName(file), (string)node!["name"]!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Reach_Documented_Decision(string file, string name)
    {
        // Given
        JsonObject testCase = Find(file, name);
        JsonObject expect = testCase["expect"]!.AsObject();
        SimulationParseResult parsed = SimulationRequestParser.Parse(testCase["input"]!.ToJsonString());
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));

        // When
        EvaluationResult result = parsed.Request!.Evaluate();

        // Then
        string explanation = EvaluationResultWriter.ToText(result);
        output.WriteLine(explanation);
        Assert.Equal((string)expect["decision"]!, result.Decision.ToString());
        if (expect["unknownKeys"] is JsonArray unknown)
        {
            Assert.Equal(Sorted(unknown), Sorted(result.UnknownKeys));
        }

        if (expect["possibleDecisions"] is JsonArray possible)
        {
            Assert.Equal(Sorted(possible), Sorted(result.PossibleDecisions.Select(d => d.ToString())));
        }
        else if (expect["unknownKeys"] is null)
        {
            Assert.True(result.IsDecidable, "the case does not expect unknown keys, but the result is undecidable");
        }

        if (expect["matchedSids"] is JsonArray sids)
        {
            var matched = result.Trace.Where(t => t.Outcome == MatchOutcome.Matched && t.Sid is not null).Select(t => t.Sid!);
            Assert.Equal(Sorted(sids), Sorted(matched));
        }

        if (expect["reason"] is JsonNode reason)
        {
            Assert.Equal((string)reason!, result.Reason.ToString());
        }

        if (expect["textContains"] is JsonArray texts)
        {
            foreach (JsonNode? text in texts)
            {
                Assert.Contains((string)text!, explanation, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Should_Have_At_Least_300_Cases_With_Unique_Names_And_Sources()
    {
        // Given
        int total = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);

        // When
        foreach (string file in IamTestData.EvalFiles())
        {
            JsonArray cases = IamTestData.LoadCases(file);
            output.WriteLine($"{Path.GetFileName(file),-40} {cases.Count,4}");
            foreach (JsonNode? node in cases)
            {
                total++;
                Assert.True(names.Add(Path.GetFileName(file) + "/" + (string)node!["name"]!), "duplicate case " + node["name"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)node["doc"]), "case without a doc reference: " + node["name"]);
            }
        }

        output.WriteLine($"{"total",-40} {total,4}");

        // Then
        Assert.True(total >= 300, $"only {total} evaluator cases");
    }

    [Fact]
    public void Should_Round_Trip_Every_Policy_In_The_Cases()
    {
        // Given
        int policies = 0;
        foreach (string file in IamTestData.EvalFiles())
        {
            foreach (JsonNode? node in IamTestData.LoadCases(file))
            {
                foreach (JsonObject policy in PoliciesOf(node!["input"]!.AsObject()))
                {
                    // When
                    PolicyParseResult first = PolicyParser.Parse(policy.ToJsonString());
                    Assert.True(first.Succeeded, $"{node["name"]}: {string.Join("; ", first.Diagnostics)}");
                    string written = PolicyWriter.WriteToString(first.Document!);
                    PolicyParseResult second = PolicyParser.Parse(written);

                    // Then
                    Assert.Equal(first.Document, second.Document);
                    policies++;
                }
            }
        }

        Assert.True(policies > 300);
    }

    [Fact]
    public void Should_Cover_Every_Operator_In_Every_Form()
    {
        // Given
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in IamTestData.EvalFiles())
        {
            foreach (JsonNode? node in IamTestData.LoadCases(file))
            {
                foreach (JsonObject policy in PoliciesOf(node!["input"]!.AsObject()))
                {
                    foreach (Statement statement in PolicyParser.Parse(policy.ToJsonString()).Document!.Statements)
                    {
                        foreach (PolicyCondition condition in statement.Conditions)
                        {
                            used.Add(condition.Operator!.Value.ToString());
                        }
                    }
                }
            }
        }

        // When
        var missing = new List<string>();
        foreach (ConditionOperatorKind kind in Enum.GetValues<ConditionOperatorKind>())
        {
            string[] forms = kind == ConditionOperatorKind.Null
                ? ["Null"]
                : [$"{kind}", $"{kind}IfExists", $"ForAnyValue:{kind}", $"ForAllValues:{kind}"];
            missing.AddRange(forms.Where(form => !used.Contains(form)));
        }

        // Then
        Assert.Empty(missing);
    }

    private static IEnumerable<JsonObject> PoliciesOf(JsonObject input)
    {
        foreach ((string name, JsonNode? value) in input)
        {
            switch (value)
            {
                case JsonObject single when name is "sessionPolicy" or "resourcePolicy":
                    yield return single;
                    break;
                case JsonArray list when name is "identityPolicies" or "permissionBoundaries" or "endpointPolicies":
                    foreach (JsonNode? item in list)
                    {
                        yield return item!.AsObject();
                    }

                    break;
                case JsonArray levels when name is "serviceControlPolicies" or "resourceControlPolicies":
                    foreach (JsonNode? level in levels)
                    {
                        foreach (JsonNode? item in level!.AsArray())
                        {
                            yield return item!.AsObject();
                        }
                    }

                    break;
            }
        }
    }

    private static JsonObject Find(string file, string name)
    {
        foreach (JsonNode? node in IamTestData.LoadCases(Path.Combine(IamTestData.EvalDirectory, file)))
        {
            if ((string)node!["name"]! == name)
            {
                return node.AsObject();
            }
        }

        throw new InvalidOperationException($"case {file}/{name} not found");
    }

    private static List<string> Sorted(JsonArray values) => Sorted(values.Select(v => (string)v!));

    private static List<string> Sorted(IEnumerable<string> values) =>
        values.Select(v => v.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
}
