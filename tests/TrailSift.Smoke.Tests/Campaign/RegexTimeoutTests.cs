using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrailSift.Smoke.Tests.Campaign;

/// <summary>
/// #12: a real catastrophic regex (<c>^(a+)+$</c> on 40 <c>a</c>s and a <c>!</c>: 2^40 backtracking paths) driven to its
/// timeout over many events, through the built binary. The per-match limit is lowered to 300 ms with
/// TRAILSIFT_REGEX_TIMEOUT_MS so that the test is quick; the regex, the engine and the timeout are the real ones.
/// </summary>
public sealed partial class RegexTimeoutTests : IDisposable
{
    private const int Catastrophic = 40;
    private readonly string _dir = Directory.CreateTempSubdirectory("trailsift-regex-").FullName;

    public RegexTimeoutTests()
    {
        // Given one file of 80 events: the odd ones (1, 3, ... 79) hold a catastrophic user agent, the even ones match quickly
        var records = new JsonArray();
        for (int i = 0; i < 2 * Catastrophic; i++)
        {
            bool bad = i % 2 == 0;
            records.Add(new JsonObject
            {
                ["eventVersion"] = "1.08",
                ["eventTime"] = $"2024-01-01T00:{i / 60:00}:{i % 60:00}Z",
                ["eventSource"] = "s3.amazonaws.com",
                ["eventName"] = "GetObject",
                ["userAgent"] = bad ? new string('a', 40) + "!" : "aaa",
            });
        }

        File.WriteAllText(Path.Combine(_dir, "t.json"), new JsonObject { ["Records"] = records }.ToJsonString(), new UTF8Encoding(false));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("query", "'.userAgent | test(\"^(a+)+$\")' --format ndjson")]
    [InlineData("query", "'.Records[] | select(.userAgent | test(\"^(a+)+$\")) | .eventTime'")]
    [InlineData("count", "'.userAgent | test(\"^(a+)+$\")' --format tsv")]
    public void Should_report_each_timed_out_event_and_keep_the_matches_When_a_catastrophic_regex_meets_many_events(string command, string filter)
    {
        // When the command runs with the catastrophic pattern
        var clock = Stopwatch.StartNew();
        BinaryRunner.Result r = BinaryRunner.Shell($"TRAILSIFT_REGEX_TIMEOUT_MS=300 $TS {command} {filter} t.json", _dir);
        clock.Stop();

        // Then every catastrophic event is reported on its own line, the rest of the file is still evaluated, the exit
        // code says an input had problems (2, docs/exit-codes.md), and the time is bounded: one full 300 ms timeout,
        // then the regex runs with the shortened limit (40 x 300 ms would be 12 s)
        string[] errors = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] perEvent = errors.Where(l => EventTimeout().IsMatch(l)).ToArray();
        Assert.True(perEvent.Length == Catastrophic, r.Stderr);
        Assert.Equal(Enumerable.Range(0, Catastrophic).Select(k => 2 * k + 1), perEvent.Select(l => int.Parse(EventTimeout().Match(l).Groups[1].Value)));
        Assert.Equal(Catastrophic + 1, errors.Length); // and the summary line
        Assert.Equal(2, r.ExitCode);

        // And every quickly matching event is still selected (printed, or counted)
        string[] outputs = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] expected = command == "count"
            ? [Catastrophic.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : Enumerable.Range(0, Catastrophic).Select(k => $"2024-01-01T00:{(2 * k + 1) / 60:00}:{(2 * k + 1) % 60:00}Z").ToArray();
        Assert.Equal(expected, outputs.Select(TimeOf).ToArray());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }

    // An ndjson event, a jq string output, or a count as printed.
    private static string TimeOf(string line) => line.StartsWith('{')
        ? (string)JsonNode.Parse(line)!["eventTime"]!
        : line.StartsWith('"') ? (string)JsonNode.Parse(line)! : line;

    [GeneratedRegex(@"^trailsift: t\.json: event (\d+): jq: regex match timed out after [0-9.]+ s \(an error, not a non-match\)$")]
    private static partial Regex EventTimeout();
}
