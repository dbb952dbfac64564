using System.Text.RegularExpressions;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Iam.Evaluation;

/// <summary>
/// Runs the examples of docs/simulate-request.md: a fenced block after <c>&lt;!-- test: simulate NAME --&gt;</c>
/// is a request, and blocks after <c>&lt;!-- test: json NAME --&gt;</c> or <c>&lt;!-- test: text NAME --&gt;</c> are
/// the exact output of <see cref="EvaluationResultWriter"/> for it.
/// </summary>
public sealed partial class SimulateRequestDocTests
{
    private static string DocPath => Path.Combine(IamTestData.Root, "docs", "simulate-request.md");

    public static TheoryData<string, string> Outputs()
    {
        var data = new TheoryData<string, string>();
        foreach ((string kind, string name, _) in Blocks())
        {
            if (kind != "simulate")
            {
                data.Add(kind, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Should_Print_The_Documented_Output(string kind, string name)
    {
        // Given
        string request = Blocks().Single(b => b.Kind == "simulate" && b.Name == name).Body;
        string expected = Blocks().Single(b => b.Kind == kind && b.Name == name).Body;
        SimulationParseResult parsed = SimulationRequestParser.Parse(request);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Diagnostics));

        // When
        EvaluationResult result = parsed.Request!.Evaluate();
        string actual = kind == "json" ? EvaluationResultWriter.ToJsonString(result) : EvaluationResultWriter.ToText(result);

        // Then
        Assert.Equal(expected.TrimEnd('\n'), actual.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void Should_Have_An_Output_For_Every_Documented_Request()
    {
        // Given
        var blocks = Blocks().ToList();

        // When
        var requests = blocks.Where(b => b.Kind == "simulate").Select(b => b.Name).ToList();

        // Then
        Assert.NotEmpty(requests);
        Assert.All(requests, name => Assert.Contains(blocks, b => b.Kind != "simulate" && b.Name == name));
    }

    private static IEnumerable<(string Kind, string Name, string Body)> Blocks()
    {
        string text = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        foreach (Match match in BlockPattern().Matches(text))
        {
            yield return (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        }
    }

    [GeneratedRegex(@"<!-- test: (\w+) ([\w-]+) -->\n```\w*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();
}
