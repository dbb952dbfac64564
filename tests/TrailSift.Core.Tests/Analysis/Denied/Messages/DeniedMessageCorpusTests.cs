using TrailSift.Core.Json;
using TrailSift.Testing;
using System.IO.Compression;
using System.Text;
using TrailSift.Core.Analysis.Denied.Messages;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Analysis.Denied.Messages;

/// <summary>Runs the parser over every access-denied event of the shared CloudTrail corpus.</summary>
public sealed class DeniedMessageCorpusTests(ITestOutputHelper output)
{
    private const string Ec2Sentence = "You are not authorized to perform this operation";

    [SharedFact("corpus")]
    public void Should_Yield_An_Action_For_Every_Corpus_Message_That_Names_One()
    {
        // Given
        string corpus = RepoPaths.SharedPath("corpus")!;
        var perFormat = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var perReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        int denied = 0, namingAction = 0, actionYielded = 0, unreadableFiles = 0, encoded = 0, truncated = 0;

        // When
        foreach (string file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".json", StringComparison.Ordinal) && !file.EndsWith(".gz", StringComparison.Ordinal)
                && !file.EndsWith(".ndjson", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                foreach ((string? code, string? message, string? source) in DeniedEvents(file))
                {
                    denied++;
                    DeniedMessage m = DeniedMessageParser.Parse(code, message, source);
                    Increment(perFormat, m.Format.ToString());
                    Increment(perReason, m.Reason.ToWireName());
                    encoded += m.HasEncodedMessage ? 1 : 0;
                    truncated += m.EncodedMessageTruncated ? 1 : 0;
                    if (!NamesAction(message))
                    {
                        continue;
                    }

                    namingAction++;
                    if (m.Action is { } a && DeniedMessageParser.LooksLikeAction(a))
                    {
                        actionYielded++;
                    }
                    else
                    {
                        // Print only the shape, never the message: corpus text holds user names.
                        failures.Add($"{Path.GetFileName(file)}: code {code}, format {m.Format}, action '{m.Action}'");
                    }
                }
            }
            catch (RecordReadException)
            {
                unreadableFiles++; // the corpus holds deliberately broken parser fixtures
            }
        }

        // Then
        output.WriteLine($"access-denied events: {denied}; naming an action: {namingAction}; action yielded: {actionYielded}; unreadable files skipped: {unreadableFiles}; encoded messages: {encoded} (truncated: {truncated})");
        foreach ((string format, int count) in perFormat)
        {
            output.WriteLine($"  format {format}: {count}");
        }

        foreach ((string reason, int count) in perReason)
        {
            output.WriteLine($"  reason {reason}: {count}");
        }

        Assert.True(denied > 0, "no access-denied events found in the corpus");
        Assert.True(namingAction > 0);
        Assert.Empty(failures);
    }

    /// <summary>True when the message names an action: it says "perform" or "execute" outside EC2's fixed sentence.</summary>
    private static bool NamesAction(string? message)
    {
        if (message is null)
        {
            return false;
        }

        string rest = message.Replace(Ec2Sentence, string.Empty, StringComparison.OrdinalIgnoreCase);
        return rest.Contains("perform", StringComparison.OrdinalIgnoreCase) || rest.Contains("execute", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<(string? Code, string? Message, string? Source)> DeniedEvents(string file)
    {
        using Stream raw = File.OpenRead(file);
        using Stream stream = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new RecordReader(stream);
        using var record = new EventRecord();
        while (reader.TryRead(record))
        {
            if (ErrorClassifier.Classify(record) != ErrorClass.AccessDenied)
            {
                continue;
            }

            yield return (Text(record.ErrorCode), Text(record.ErrorMessage), Text(record.EventSource));
        }
    }

    private static string? Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : null;

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
}
