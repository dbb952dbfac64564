using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Testing;
using Xunit.Abstractions;
using EventRecord = TrailSift.Core.Events.EventRecord;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>
/// Maps every event of <c>../shared/corpus</c> (skipped when absent) and requires that at least 99% of the distinct
/// <c>(eventSource, eventName)</c> pairs from AWS sources are accounted for (mapped to catalog actions, or known to
/// need no permission, or not API calls). Excluded: sources outside <c>*.amazonaws.com</c> and the synthetic
/// placeholder set <c>aws-cloudtrail-processing-library</c>. Weighted by events, 99% of all AWS-source events must be
/// accounted for too, the hand-edited fixtures included. The unmapped pairs are printed.
/// </summary>
public sealed class CorpusCoverageTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Should_Account_For_99_Percent_Of_Aws_Pairs_When_Corpus_Is_Present()
    {
        // Given
        string corpus = RepoPaths.Corpus!;

        // When
        var pairs = new SortedDictionary<string, (int Count, bool Mapped, string Why)>(StringComparer.Ordinal);
        foreach (string json in CorpusEvents(corpus))
        {
            using EventRecord record = EventRecord.Parse(json);
            string source = record.EventSource.Kind == Core.Json.JsonKind.String ? record.EventSource.GetString() : "";
            string name = record.EventName.Kind == Core.Json.JsonKind.String ? record.EventName.GetString() : "";
            if (!source.EndsWith(".amazonaws.com", StringComparison.Ordinal))
            {
                continue;
            }

            EventPermissions result = EventPermissionMapper.Default.Map(record);
            string key = source + " " + name;
            pairs.TryGetValue(key, out var seen);
            bool mapped = (seen.Count == 0 || seen.Mapped) && result.IsAccountedFor;
            pairs[key] = (seen.Count + 1, mapped, mapped ? "" : string.Join("; ", result.Notes));
        }

        // Then
        int total = pairs.Count, ok = pairs.Values.Count(p => p.Mapped);
        output.WriteLine($"all AWS pairs: {ok} of {total} accounted for: {(double)ok / Math.Max(1, total):P2}");
        HashSet<string>? operations = ReferenceOperations.Load();
        int realTotal = 0, realOk = 0;
        foreach ((string key, var value) in pairs)
        {
            // A pair whose name is no operation of that service in either reference (the SDK method map or SAR) is
            // a hand-edited fixture (panther's ec2 PutBucketVersioning); it is listed but not counted.
            bool real = operations is null || operations.Contains(ReferenceOperations.Key(key));
            realTotal += real ? 1 : 0;
            realOk += real && value.Mapped ? 1 : 0;
            if (!value.Mapped)
            {
                output.WriteLine($"unmapped{(real ? "" : " (not an operation of this service in the references)")}: {key} ({value.Count} events): {value.Why}");
            }
        }

        double share = (double)realOk / Math.Max(1, realTotal);
        output.WriteLine($"pairs that are operations of their service: {realOk} of {realTotal} accounted for: {share:P2}");
        int events = pairs.Values.Sum(p => p.Count), okEvents = pairs.Values.Where(p => p.Mapped).Sum(p => p.Count);
        double eventShare = (double)okEvents / Math.Max(1, events);
        output.WriteLine($"events from AWS sources, fixtures included: {okEvents} of {events} accounted for: {eventShare:P2}");
        Assert.True(share >= 0.99, $"{share:P2} < 99%; see the test output for the unmapped pairs");
        Assert.True(eventShare >= 0.99, $"events: {eventShare:P2} < 99%; see the test output for the unmapped pairs");
    }

    internal static IEnumerable<string> CorpusEvents(string corpus) => CorpusFiles(corpus).SelectMany(f => f.Events);

    /// <summary>The files of <paramref name="corpus"/> that hold events, in path order, with their events' JSON.</summary>
    internal static IEnumerable<(string Relative, List<string> Events)> CorpusFiles(string corpus)
    {
        foreach (string file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(corpus, file);
            // Synthetic placeholders (eventSource1, …), and .gz copies of plain files that are also present.
            if (relative.StartsWith("aws-cloudtrail-processing-library", StringComparison.Ordinal)
                || (file.EndsWith(".gz", StringComparison.Ordinal) && File.Exists(file[..^3])))
            {
                continue;
            }

            string? text = file.EndsWith(".json.gz", StringComparison.Ordinal) ? ReadGzip(file)
                : file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".ndjson", StringComparison.Ordinal) ? File.ReadAllText(file)
                : null;
            if (text is null)
            {
                continue;
            }

            yield return (relative.Replace('\\', '/'), Split(text));
        }
    }

    private static string ReadGzip(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static List<string> Split(string text)
    {
        var events = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            JsonElement list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Records", out JsonElement r) ? r : root;
            if (list.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement e in list.EnumerateArray())
                {
                    events.Add(e.GetRawText());
                }
            }
            else
            {
                events.Add(root.GetRawText());
            }
        }
        catch (JsonException)
        {
            // NDJSON, or a deliberately malformed fixture: take the lines that parse.
            foreach (string line in text.Split('\n'))
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                    if (document.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        events.Add(line);
                    }
                }
                catch (JsonException)
                {
                }
            }
        }

        return events;
    }
}
