using TrailSift.Testing;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Query;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Query;

/// <summary>
/// Runs a broad list of filters through real jq 1.6 and through TrailSift over the shared CloudTrail
/// corpus, and compares the verdict per event. The filters are those of tests/data/query/differential-filters.txt,
/// which the CLI-level QueryJqDifferentialTests shares. jq's verdict is computed per event as
/// <c>try ([FILTER] | any) catch false</c>: an error anywhere means "not selected", as TrailSift defines.
/// Skips (passes with a note) when jq or ../shared is absent.
/// </summary>
public sealed class JqDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Agree_With_Jq_1_6_On_Every_Corpus_Event_When_Running_The_Filter_List()
    {
        // Given
        string? shared = RepoPaths.Shared;
        if (TrailSift.Testing.Jq.Executable is null || shared is null)
        {
            output.WriteLine("skipped: jq or ../shared is absent");
            return;
        }

        List<string> events = LoadCorpus(Path.Combine(shared, "corpus"));
        Assert.True(events.Count > 1000, $"only {events.Count} corpus events");
        string dir = Directory.CreateTempSubdirectory("trailsift-jq-").FullName;
        try
        {
            string input = Path.Combine(dir, "events.ndjson");
            File.WriteAllLines(input, events);
            var indexed = new List<EventRecord>(events.Count);
            foreach (string e in events)
            {
                indexed.Add(EventRecord.Parse(e));
            }

            // When
            var mismatches = new List<string>();
            int compared = 0, jqErrors = 0, selected = 0, skipped = 0;
            var ourTime = new Stopwatch();
            IReadOnlyList<string> filters = DifferentialFilter.LoadAll().Select(f => f.Text).ToList();
            foreach (string filter in filters)
            {
                int[] verdicts = RunJq(filter, input, events.Count);
                QueryParseResult parsed = EventQuery.Parse(filter);
                Assert.True(parsed.Success, $"`{filter}`: {parsed.Error?.Render()}");
                IEventPredicate predicate = EventQuery.Compile(parsed.Query!);
                for (int i = 0; i < events.Count; i++)
                {
                    compared++;
                    ourTime.Start();
                    bool ours = predicate.Matches(indexed[i]);
                    ourTime.Stop();
                    bool theirs = verdicts[i] == 1;
                    jqErrors += verdicts[i] == 2 ? 1 : 0;
                    selected += theirs ? 1 : 0;
                    if (ours != theirs && mismatches.Count < 15)
                    {
                        mismatches.Add($"`{filter}` event #{i}: jq={(verdicts[i] == 2 ? "error" : theirs.ToString())} ours={ours}: {Truncate(events[i])}");
                    }

                    bool mayMatch = predicate.MayMatch(Encoding.UTF8.GetBytes(events[i]));
                    skipped += mayMatch ? 0 : 1;
                    if (ours && !mayMatch)
                    {
                        mismatches.Add($"`{filter}` event #{i}: MayMatch rejected a matching event");
                    }
                }
            }

            // Then
            output.WriteLine($"{filters.Count} filters x {events.Count} events = {compared} verdicts; jq selected {selected}, raised {jqErrors} errors; {mismatches.Count} mismatches; TrailSift evaluated them in {ourTime.ElapsedMilliseconds} ms; the raw-bytes prefilter skipped {skipped}");
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Should_Agree_With_Jq_1_6_When_Checking_Expected_Verdicts_Of_Case_Files_And_Doc_Examples()
    {
        // Given
        if (TrailSift.Testing.Jq.Executable is null)
        {
            output.WriteLine("skipped: jq is absent");
            return;
        }

        var byFilter = new Dictionary<string, List<QueryCase>>();
        foreach (QueryCase c in QueryCaseTests.AllVerdictCases())
        {
            if (!byFilter.TryGetValue(c.Filter, out List<QueryCase>? list))
            {
                byFilter[c.Filter] = list = [];
            }

            list.Add(c);
        }

        string dir = Directory.CreateTempSubdirectory("trailsift-jq-cases-").FullName;
        try
        {
            // When
            var mismatches = new List<string>();
            int checkedCases = 0;
            foreach ((string filter, List<QueryCase> cases) in byFilter)
            {
                string input = Path.Combine(dir, "in.ndjson");
                File.WriteAllLines(input, cases.ConvertAll(c => c.Input!));
                int[] verdicts = RunJq(filter.Trim().Length == 0 ? "." : filter, input, cases.Count);
                for (int i = 0; i < cases.Count; i++)
                {
                    checkedCases++;
                    if ((verdicts[i] == 1) != cases[i].Expected)
                    {
                        mismatches.Add($"{cases[i].Id}: `{filter}` on {cases[i].Input}: jq says {(verdicts[i] == 2 ? "error" : verdicts[i] == 1 ? "true" : "false")}, the case says {cases[i].Expected}");
                    }
                }
            }

            // Then
            output.WriteLine($"{checkedCases} expected verdicts checked against jq, {mismatches.Count} disagree");
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // 1 selected, 0 not, 2 a jq error; the event is wrapped the way the filter's first stage expects.
    private static int[] RunJq(string filter, string inputFile, int expected)
    {
        string program = $"try ([{TrailSift.Testing.Jq.EventAsInputOf(filter)} | ({filter}\n)] | if any then 1 else 0 end) catch 2";
        JqOutput jq = TrailSift.Testing.Jq.Run(["-c", program, inputFile]);
        Assert.True(jq.ExitCode == 0 && jq.Lines.Count == expected, $"jq failed on `{filter}` (exit {jq.ExitCode}, {jq.Lines.Count}/{expected} lines): {jq.Stderr}");
        return jq.Lines.Select(line => line[0] - '0').ToArray();
    }

    // Events as one-line JSON: pretty-printed files only have newlines between tokens.
    internal static List<string> LoadCorpus(string corpus)
    {
        var events = new List<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(corpus, "stratus-red-team", "detonation-logs"), "*.json").Order(StringComparer.Ordinal))
        {
            AddArray(events, File.ReadAllBytes(file), null);
        }

        foreach (string file in new[] { "panther-analysis/panther_cloudtrail_test_events.ndjson", "otrf-security-datasets/ec2_proxy_s3_exfiltration_2020-09-14011940.json" })
        {
            foreach (string line in File.ReadLines(Path.Combine(corpus, file)))
            {
                if (line.Trim().Length > 0)
                {
                    events.Add(line.Trim());
                }
            }
        }

        foreach (string file in Directory.GetFiles(Path.Combine(corpus, "grycap-cloudtrail-tracker", "history-a0206f7-dynamodb-tmp"), "*.json.gz").Order(StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            AddArray(events, ms.ToArray(), "Records");
        }

        return events;
    }

    private static void AddArray(List<string> events, byte[] json, string? property)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement array = property is null ? doc.RootElement : doc.RootElement.GetProperty(property);
        foreach (JsonElement e in array.EnumerateArray())
        {
            events.Add(e.GetRawText().Replace('\n', ' ').Replace('\r', ' '));
        }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "...";
}
