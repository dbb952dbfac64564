using System.Text;
using System.Text.RegularExpressions;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>What <c>trailsift query FILTER --format ndjson PATH...</c> prints, canonicalised by jq like the jq side.</summary>
internal static class TrailSiftSelections
{
    /// <summary>Runs every filter through <c>trailsift query</c> over <paramref name="paths"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Select(IReadOnlyList<DifferentialFilter> filters, IReadOnlyList<string> paths)
    {
        var printed = new List<string[]>();
        foreach (DifferentialFilter filter in filters)
        {
            string condition = AsCondition(filter.Text);
            CliRunner.Result run = CliRunner.Run(["query", condition, "--format", "ndjson", .. paths]);
            if (run.ExitCode == 2 && run.Stderr.Contains("is a projection, not a condition", StringComparison.Ordinal))
            {
                // Refused by the projection rule, which names select(F) as the condition spelling: the same verdict.
                run = CliRunner.Run(["query", $"select({condition}\n)", "--format", "ndjson", .. paths]);
            }

            string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(run.ExitCode == (lines.Length > 0 ? 0 : 1) && run.Stderr.Length == 0,
                $"trailsift query `{filter.Text}` exited {run.ExitCode} after {lines.Length} events: {run.Stderr}");
            printed.Add(lines);
        }

        // jq -S -c gives both sides the same key order and number spelling. Many filters print the same
        // events, so each distinct line goes through jq once.
        string[] distinct = printed.SelectMany(lines => lines).Distinct(StringComparer.Ordinal).ToArray();
        IReadOnlyList<string> canonical = Jq.Run(["-S", "-c", "."], input => input.Write(Encoding.UTF8.GetBytes(string.Join('\n', distinct))))
            .LinesOrFail("trailsift's output");
        Assert.True(canonical.Count == distinct.Length, $"trailsift printed {distinct.Length} distinct lines, which jq read as {canonical.Count} values");
        var canonicalOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < distinct.Length; i++)
        {
            canonicalOf[distinct[i]] = canonical[i];
        }

        return printed.Select(lines => (IReadOnlyList<string>)Array.ConvertAll(lines, line => canonicalOf[line])).ToList();
    }

    // The per-event verdict is the condition shorthand's; a filter written for whole files (.Records[] | C, .[] | C) is a jq
    // program to `query` (compared with jq's own output in QueryProgramDifferentialTests), so its condition C is given here.
    private static string AsCondition(string filter) =>
        Regex.Replace(Regex.Replace(filter, @"^\s*(\.Records\[\]|\.\[\])\s*\|\s*", string.Empty), @"^\s*\.Records\[\](?=\.)", string.Empty);
}
