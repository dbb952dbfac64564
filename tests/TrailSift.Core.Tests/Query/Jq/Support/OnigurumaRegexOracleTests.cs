using System.Text;
using System.Text.Json;
using TrailSift.Core.Query.Jq.Support;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Query.Jq.Support;

/// <summary>
/// Every case of tests/data/jq/regex.cases against jq 1.7.1's own answer (regex.expected.jsonl, produced by
/// tests/tools/regex-oracle.js): a compiled regex must give jq's <c>[match(re; flags)]</c> byte for byte, jq's
/// errors must be jq's text, and a refusal is allowed only where the case file marks it.
/// </summary>
public sealed class OnigurumaRegexOracleTests
{
    public sealed record RegexCase(string Pattern, string Input, string? Flags, bool Refuse, string Stdout, string Stderr, int Status, bool Timeout)
    {
        public override string ToString() => JsonSerializer.Serialize(Pattern) + " on " + JsonSerializer.Serialize(Input) + " flags " + (Flags ?? "null");
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<RegexCase> Cases { get; } = File.ReadAllLines(Path.Combine(RepoPaths.TestData, "jq", "regex.expected.jsonl"))
        .Where(l => l.Length > 0)
        .Select(l => JsonSerializer.Deserialize<RegexCase>(l, Web)!)
        .ToList();

    [Fact]
    public void Should_MatchJq171_When_RunningEveryOracleCase()
    {
        // Given every case with jq 1.7.1's answer
        var failures = new List<string>();
        int compiled = 0, jqErrors = 0, refused = 0;
        foreach (RegexCase c in Cases.Where(c => !c.Timeout))
        {
            // When TrailSift compiles and matches it
            OnigurumaRegexResult result = OnigurumaRegex.Compile(c.Pattern, c.Flags);
            string? problem = result.Status switch
            {
                OnigurumaRegexStatus.Compiled => CheckCompiled(c, result),
                OnigurumaRegexStatus.JqError => CheckJqError(c, result),
                _ => c.Refuse ? null : "refused (" + result.Error + ") but jq gives " + (c.Stdout + c.Stderr).Trim(),
            };
            compiled += result.Status == OnigurumaRegexStatus.Compiled ? 1 : 0;
            jqErrors += result.Status == OnigurumaRegexStatus.JqError ? 1 : 0;
            refused += result.Status == OnigurumaRegexStatus.Unsupported ? 1 : 0;
            if (problem is not null)
            {
                failures.Add(c + ": " + problem);
            }
        }

        // Then each agrees with jq (or is a marked refusal)
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {Cases.Count} cases differ from jq 1.7.1 (compiled {compiled}, jq errors {jqErrors}, refused {refused}):\n" +
            string.Join("\n", failures.Take(60)));
    }

    private static string? CheckCompiled(RegexCase c, OnigurumaRegexResult result)
    {
        if (c.Refuse)
        {
            return "marked refuse but compiled";
        }

        string actual;
        try
        {
            actual = Render(OnigurumaRegex.Match(result, c.Input));
        }
        catch (NotSupportedException e)
        {
            return "match refused: " + e.Message;
        }
        catch (ArgumentException e)
        {
            return "crashed: " + e.Message + "\n      regex    " + result.Regex;
        }

        string expected = c.Status == 0 ? c.Stdout.TrimEnd('\n') : "error: " + c.Stderr.Trim();
        return actual == expected ? null : "expected " + expected + "\n      actual   " + actual + "\n      regex    " + result.Regex;
    }

    private static string? CheckJqError(RegexCase c, OnigurumaRegexResult result)
    {
        string expected = "jq: error (at <stdin>:0): " + result.Error;
        return c.Status == 5 && c.Stderr.Trim() == expected ? null : "error '" + result.Error + "' but jq gives " + (c.Stdout + c.Stderr).Trim();
    }

    /// <summary>The match array as jq prints it with -c (keys in jq's insertion order).</summary>
    public static string Render(IReadOnlyList<JqRegexMatch> matches)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < matches.Count; i++)
        {
            JqRegexMatch m = matches[i];
            sb.Append(i == 0 ? "" : ",")
                .Append("{\"offset\":").Append(m.Offset)
                .Append(",\"length\":").Append(m.Length)
                .Append(",\"string\":").Append(JqJsonText.String(m.Value))
                .Append(",\"captures\":[");
            for (int j = 0; j < m.Captures.Count; j++)
            {
                JqRegexCapture cap = m.Captures[j];
                sb.Append(j == 0 ? "" : ",").Append("{\"offset\":").Append(cap.Offset);
                if (cap.StringBeforeLength)
                {
                    sb.Append(",\"string\":").Append(JqJsonText.String(cap.Value)).Append(",\"length\":").Append(cap.Length);
                }
                else
                {
                    sb.Append(",\"length\":").Append(cap.Length).Append(",\"string\":").Append(JqJsonText.String(cap.Value));
                }

                sb.Append(",\"name\":").Append(JqJsonText.String(cap.Name)).Append('}');
            }

            sb.Append("]}");
        }

        return sb.Append(']').ToString();
    }
}
