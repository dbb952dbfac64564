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
/// corpus, and compares the verdict per event. jq's verdict is computed per event as
/// <c>try ([FILTER] | any) catch false</c>: an error anywhere means "not selected", as TrailSift defines.
/// Skips (passes with a note) when /usr/bin/jq or ../shared is absent.
/// </summary>
public sealed class JqDifferentialTests(ITestOutputHelper output)
{
    private const string Jq = "/usr/bin/jq";

    public static readonly string[] Filters =
    [
        ".Records[] | select (.eventName == \"RunInstances\" ) | select(.userAgent == \"elasticmapreduce.aws.internal\") | select(.errorCode == \"AccessDenied\")",
        ".Records[] | select(.eventName == \"CreateQueue\") | select(.errorCode == \"AccessDenied\")",
        ".Records[] | select(.eventName == \"CreateQueue\") | select(.errorCode == \"AccessDenied\" | not) | select(.requestParameters.queueName | contains(\"AWS-ElasticMapReduce\"))",
        ".Records[] | select(.requestParameters.bucketName | contains(\"stratus\"))",
        ".Records[] | select(.eventSource == \"s3.amazonaws.com\")",
        ".Records[] | select(.errorCode == \"AccessDenied\" or .errorCode == \"Client.UnauthorizedOperation\")",
        ".Records[].eventName == \"DescribeInstances\"",
        ".[] | select(.userIdentity.type == \"Root\")",
        "select(.userIdentity.type == \"AssumedRole\") | select(.userIdentity.sessionContext.sessionIssuer.userName | startswith(\"stratus\"))",
        ".eventName | startswith(\"Describe\")",
        ".eventName | endswith(\"Policy\")",
        ".eventName | test(\"^(Delete|Stop|Disable)\")",
        ".eventName | test(\"instance\"; \"i\")",
        ".errorMessage | ascii_downcase | contains(\"not authorized\")",
        ".errorMessage | test(\"not authorized|access denied\"; \"i\")",
        ".userAgent | ascii_upcase | startswith(\"AWS-CLI\")",
        ".userIdentity.arn | endswith(\":root\")",
        ".userIdentity.arn | contains(\"assumed-role\")",
        ".resources[].ARN | startswith(\"arn:aws:s3\")",
        ".resources[]?.ARN | contains(\"bucket\")",
        ".resources | length > 1",
        ".requestParameters | has(\"bucketName\")",
        "has(\"errorCode\")",
        "has(\"errorCode\") | not",
        ".requestParameters == null",
        ".responseElements != null and .errorCode == null",
        ".readOnly == true",
        ".readOnly",
        ".readOnly | not",
        ".eventTime >= \"2018-01-01\" and .eventTime < \"2018-03-01\"",
        ".eventTime < .userIdentity.sessionContext.attributes.creationDate",
        ".awsRegion == (\"us-east-1\", \"sa-east-1\")",
        ".awsRegion != \"us-east-1\"",
        ".userIdentity | type == \"object\"",
        ".requestParameters | type",
        ".requestParameters | length > 3",
        ".requestParameters[] | type == \"string\"",
        ".requestParameters[]",
        ".requestParameters[]? == \"true\"",
        ".requestParameters.instancesSet.items[].instanceId | startswith(\"i-\")",
        ".requestParameters.instancesSet.items[0].instanceId != null",
        ".userIdentity.sessionContext.attributes.mfaAuthenticated == \"true\"",
        ".eventVersion > \"1.05\"",
        ".eventVersion | test(\"^1\\\\.0[0-4]$\")",
        ".sourceIPAddress | endswith(\".amazonaws.com\")",
        ".userAgent | contains(\"Boto3\") or contains(\"boto3\")",
        "(.userAgent // \"\") | length > 100",
        ".additionalEventData.MFAUsed == \"No\"",
        ".tlsDetails.tlsVersion | ltrimstr(\"TLSv\") == \"1.2\"",
        "[.resources[]?.type] | contains([\"AWS::S3::Bucket\"])",
        ".userIdentity | contains(.sessionContext // .)",
        ".userIdentity | contains({\"type\": \"IAMUser\"})",
        ".userIdentity | contains({sessionContext: {attributes: {mfaAuthenticated: \"false\"}}})",
        "{n: .eventName, s: .eventSource} | .n | startswith(\"Describe\")",
        ".p_any_aws_arns | any",
        "select(.eventSource | test(\"^(ec2|iam)\\\\.\")) | .errorCode",
        ".errorCode | contains(\"Unauthorized\")",
        ".managementEvent == true and .eventCategory == \"Management\"",
    ];

    [Fact]
    public void Should_Agree_With_Jq_1_6_On_Every_Corpus_Event_When_Running_The_Filter_List()
    {
        // Given
        string? shared = RepoPaths.Shared;
        if (!File.Exists(Jq) || shared is null)
        {
            output.WriteLine("skipped: jq or ../shared is absent");
            return;
        }

        List<string> events = LoadCorpus(Path.Combine(shared, "corpus"));
        Assert.True(events.Count > 1000, $"only {events.Count} corpus events");
        string dir = Directory.CreateTempSubdirectory("trailsift-jq-").FullName;
        try
        {
            string bare = Path.Combine(dir, "bare.ndjson");
            string records = Path.Combine(dir, "records.ndjson");
            string array = Path.Combine(dir, "array.ndjson");
            File.WriteAllLines(bare, events);
            File.WriteAllLines(records, events.ConvertAll(e => "{\"Records\":[" + e + "]}"));
            File.WriteAllLines(array, events.ConvertAll(e => "[" + e + "]"));
            var indexed = new List<EventRecord>(events.Count);
            foreach (string e in events)
            {
                indexed.Add(EventRecord.Parse(e));
            }

            // When
            var mismatches = new List<string>();
            int compared = 0, jqErrors = 0, selected = 0, skipped = 0;
            var ourTime = new Stopwatch();
            foreach (string filter in Filters)
            {
                string input = filter.StartsWith(".Records[]", StringComparison.Ordinal) ? records
                    : filter.StartsWith(".[]", StringComparison.Ordinal) ? array : bare;
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
            output.WriteLine($"{Filters.Length} filters x {events.Count} events = {compared} verdicts; jq selected {selected}, raised {jqErrors} errors; {mismatches.Count} mismatches; TrailSift evaluated them in {ourTime.ElapsedMilliseconds} ms; the raw-bytes prefilter skipped {skipped}");
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
        if (!File.Exists(Jq))
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
                string trimmed = filter.TrimStart();
                Func<string, string> wrap = trimmed.StartsWith(".Records[]", StringComparison.Ordinal) ? e => "{\"Records\":[" + e + "]}"
                    : trimmed.StartsWith(".[]", StringComparison.Ordinal) ? e => "[" + e + "]" : e => e;
                string input = Path.Combine(dir, "in.ndjson");
                File.WriteAllLines(input, cases.ConvertAll(c => wrap(c.Input!)));
                int[] verdicts = RunJq(trimmed.Length == 0 ? "." : filter, input, cases.Count);
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

    private static int[] RunJq(string filter, string inputFile, int expected)
    {
        var psi = new ProcessStartInfo(Jq)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"try ([{filter}] | if any then 1 else 0 end) catch 2");
        psi.ArgumentList.Add(inputFile);
        using Process process = Process.Start(psi)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var verdicts = new List<int>(expected);
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            verdicts.Add(line[0] - '0');
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && verdicts.Count == expected, $"jq failed on `{filter}` (exit {process.ExitCode}, {verdicts.Count}/{expected} lines): {stderr.Result}");
        return verdicts.ToArray();
    }

    // Events as one-line JSON: pretty-printed files only have newlines between tokens.
    private static List<string> LoadCorpus(string corpus)
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
