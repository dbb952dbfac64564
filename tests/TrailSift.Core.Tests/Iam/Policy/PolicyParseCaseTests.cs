using System.Text.Json.Nodes;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Tests.Iam.Evaluation;

namespace TrailSift.Core.Tests.Iam.Policy;

/// <summary>
/// Data-driven parser cases from tests/data/iam/policy/parse-cases.json:
/// <c>{"name", "doc", "policy": "&lt;raw text&gt;", "expect": {"succeeded", "diagnostics": [exact "Path: message"] or null for
/// "at least one error", "offsets"?: [byte offsets]}}</c>.
/// </summary>
public sealed class PolicyParseCaseTests
{
    private static string CasesPath => Path.Combine(IamTestData.PolicyDirectory, "parse-cases.json");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonNode? node in IamTestData.LoadCases(CasesPath))
        {
            data.Add((string)node!["name"]!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Report_Expected_Diagnostics(string name)
    {
        // Given
        JsonObject testCase = IamTestData.LoadCases(CasesPath).Single(n => (string)n!["name"]! == name)!.AsObject();
        JsonObject expect = testCase["expect"]!.AsObject();

        // When
        PolicyParseResult result = PolicyParser.Parse((string)testCase["policy"]!);

        // Then
        Assert.Equal((bool)expect["succeeded"]!, result.Succeeded);
        if (expect["diagnostics"] is JsonArray diagnostics)
        {
            Assert.Equal(string.Join("\n", diagnostics.Select(d => (string)d!)), string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        }
        else
        {
            Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }

        if (expect["offsets"] is JsonArray offsets)
        {
            Assert.Equal(offsets.Select(o => (long)o!), result.Diagnostics.Select(d => d.Offset));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Round_Trip_When_The_Policy_Parses(string name)
    {
        // Given
        JsonObject testCase = IamTestData.LoadCases(CasesPath).Single(n => (string)n!["name"]! == name)!.AsObject();
        PolicyParseResult first = PolicyParser.Parse((string)testCase["policy"]!);
        if (!first.Succeeded)
        {
            return;
        }

        // When
        string compact = PolicyWriter.WriteToString(first.Document!, indented: false);
        PolicyParseResult second = PolicyParser.Parse(compact);

        // Then
        Assert.Equal(first.Document, second.Document);
        Assert.Equal(compact, PolicyWriter.WriteToString(second.Document!, indented: false));
    }
}
