using System.Diagnostics;
using TrailSift.Core.Sources;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>
/// Runs every filter of tests/data/query/differential-filters.txt through real jq and through
/// <c>trailsift query</c>, and requires the same events in the same order (file order, then position in
/// the file), compared after jq's canonical key sorting. jq's verdict per event is
/// <c>try ([FILTER] | any) catch false</c>: TrailSift documents a jq error as "not selected" for that event.
/// </summary>
public sealed class QueryJqDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Print_The_Events_Jq_Selects_When_Querying_The_Sample()
    {
        // Given
        string[] inputs = [Path.Combine(RepoPaths.Samples, "emr-launch")];

        // When
        Comparison comparison = Compare(inputs);

        // Then
        Assert.True(comparison.Differences.Count == 0, string.Join("\n", comparison.Differences));
    }

    [SharedFact]
    public void Should_Print_The_Events_Jq_Selects_When_Querying_The_Sample_And_The_Corpus()
    {
        // Given: the sample and the corpus sets in each layout: gzip S3 tree, plain Records files, bare
        // arrays, NDJSON (aws-cloudtrail-processing-library is left out: it holds deliberately broken JSON).
        string corpus = RepoPaths.Corpus!;
        string[] inputs =
        [
            Path.Combine(RepoPaths.Samples, "emr-launch"),
            .. new[] { "grycap-cloudtrail-tracker", "stratus-red-team", "panther-analysis", "otrf-security-datasets", "awsdocs-cloudtrail-user-guide", "trailscraper" }
                .Select(set => Path.Combine(corpus, set))
                .Where(Directory.Exists),
        ];
        Assert.True(inputs.Length > 1, $"none of the expected sets is in {corpus}");

        // When
        Comparison comparison = Compare(inputs);

        // Then: the same events, and each filter tells events apart (selects some, not all).
        Assert.True(comparison.Differences.Count == 0, string.Join("\n", comparison.Differences));
        string[] weak = comparison.Filters
            .Select((filter, i) => (filter, count: comparison.Selected[i].Count))
            .Where(f => (f.count == 0 && !f.filter.MaySelectNothing) || f.count == comparison.EventCount)
            .Select(f => $"`{f.filter.Text}` selects {f.count} of {comparison.EventCount} events")
            .ToArray();
        Assert.True(weak.Length == 0, "filters that compare nothing:\n" + string.Join("\n", weak));
    }

    private Comparison Compare(string[] inputs)
    {
        Assert.True(Jq.Executable is not null, Jq.Missing);
        IReadOnlyList<DifferentialFilter> filters = DifferentialFilter.LoadAll();

        // The files trailsift reads, in the order it prints their events.
        SourceSet sources = new LocalSourceFinder(PruneOptions.None, (path, reason) => Assert.Fail($"{path}: {reason}")).Find(inputs);
        var clock = Stopwatch.StartNew();
        Selections jq = JqSelections.Select(filters, sources.Objects.Select(o => o.Path).ToList());
        TimeSpan jqTime = clock.Elapsed;
        IReadOnlyList<IReadOnlyList<string>> trailsift = TrailSiftSelections.Select(filters, inputs);

        var differences = new List<string>();
        for (int i = 0; i < filters.Count; i++)
        {
            output.WriteLine($"{jq.ByFilter[i].Count,6} {filters[i].Text}");
            if (SelectionDifference.Describe(filters[i].Text, jq.ByFilter[i], trailsift[i]) is { } difference)
            {
                differences.Add(difference);
            }
        }

        output.WriteLine($"{filters.Count} filters over {jq.EventCount} events in {sources.Objects.Count} files: jq selected {jq.ByFilter.Sum(s => s.Count)} events; "
            + $"{differences.Count} filters differ; jq took {jqTime.TotalSeconds:F1} s, trailsift and canonicalising {(clock.Elapsed - jqTime).TotalSeconds:F1} s");
        return new Comparison(filters, jq.ByFilter, jq.EventCount, differences);
    }

    private sealed record Comparison(IReadOnlyList<DifferentialFilter> Filters, IReadOnlyList<IReadOnlyList<string>> Selected, int EventCount, IReadOnlyList<string> Differences);
}
