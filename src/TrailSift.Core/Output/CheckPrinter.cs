using System.Globalization;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Output;

/// <summary>
/// Prints <c>check</c> results: the denied calls with their reasons and later tagging calls, undecidable calls
/// grouped by reason, and a summary (text); or one JSON object per replayed call (NDJSON). Computes nothing.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CheckPrinter
{
    private static readonly JsonWriterOptions Compact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the denied calls, then the undecidable ones grouped by event name and reason.</summary>
    public static void WriteText(TextWriter writer, IReadOnlyList<CallCheck> checks, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(checks);
        writer = TerminalTextWriter.Guard(writer, color: false);
        foreach (CallCheck c in checks)
        {
            if (c.Verdict != CallVerdict.Denied)
            {
                continue;
            }

            writer.WriteLine($"DENIED {c.EventTime} {c.EventName}: {c.Action} on {c.Resource}");
            writer.WriteLine($"  event {c.EventId}, recorded {(c.ErrorCode is null ? "success" : c.ErrorCode)}, caller {c.Principal}");
            writer.WriteLine($"  {c.Decision}: {c.Reason}");
            WriteOtherDenials(writer, c);

            if (c.LaterTagging is { } tag)
            {
                double seconds = (tag.Ticks - c.Ticks) / (double)TimeSpan.TicksPerSecond;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  later tagging: {tag.EventName} at {tag.EventTime} ({seconds:0} s later, {c.LaterTaggingBasis}), event {tag.EventId}: {Tags(tag)}"));
            }

            else if (c.FailedOnRequestTags)
            {
                writer.WriteLine($"  later tagging: none by the same principal (on the created resources, or within {CallChecker.TaggingWindow.TotalSeconds:0} s)");
            }

            if (verbose && c.Result is { } result)
            {
                foreach (string line in EvaluationResultWriter.ToText(result).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    writer.WriteLine("    " + line);
                }
            }

            writer.WriteLine();
        }

        // Undecidable calls are many and alike (every launch of a cluster): one line per event and reason.
        var groups = new SortedDictionary<(string Source, string Name, string Reason), int>(Comparer<(string, string, string)>.Create(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Item1, b.Item1);
            c = c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
            return c != 0 ? c : string.CompareOrdinal(a.Item3, b.Item3);
        }));
        foreach (CallCheck c in checks)
        {
            if (c.Verdict == CallVerdict.Undecidable)
            {
                var key = (c.EventSource, c.EventName, c.Reason);
                groups[key] = groups.TryGetValue(key, out int n) ? n + 1 : 1;
            }
        }

        foreach (((string source, string name, string reason), int count) in groups)
        {
            writer.WriteLine($"UNDECIDABLE {name} ({source}), {count} call{(count == 1 ? "" : "s")}: {reason}");
        }

        if (groups.Count > 0)
        {
            writer.WriteLine();
        }
    }

    // Every other permission of the call that is denied: those for the deciding one's reason on one line, others each on its own.
    private static void WriteOtherDenials(TextWriter writer, CallCheck c)
    {
        var same = new List<string>();
        foreach (CallCheck other in c.Permissions)
        {
            if (other.Verdict != CallVerdict.Denied || (other.Action == c.Action && other.Resource == c.Resource))
            {
                continue;
            }

            if (other.Decision == c.Decision && other.Reason == c.Reason)
            {
                same.Add($"{other.Action} on {other.Resource}");
            }
            else
            {
                writer.WriteLine($"  also denied: {other.Action} on {other.Resource}: {other.Decision}: {other.Reason}");
            }
        }

        if (same.Count > 0)
        {
            writer.WriteLine($"  also denied, same reason: {string.Join(", ", same)}");
        }
    }

    /// <summary>Writes the one-line summary, then a line for each assumption the check made.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="checker">The merged checks.</param>
    /// <param name="endpointPolicyGiven">True when an endpoint policy was applied to calls through a VPC endpoint.</param>
    public static void WriteSummary(TextWriter writer, CallChecker checker, bool endpointPolicyGiven = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(checker);
        writer = TerminalTextWriter.Guard(writer, color: false);
        int allowed = 0, denied = 0, undecidable = 0;
        foreach (CallCheck c in checker.Checks)
        {
            switch (c.Verdict)
            {
                case CallVerdict.Allowed:
                    allowed++;
                    break;
                case CallVerdict.Denied:
                    denied++;
                    break;
                default:
                    undecidable++;
                    break;
            }
        }

        var skipped = new StringBuilder();
        long total = 0;
        foreach ((string reason, long count) in checker.Skipped.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            skipped.Append(skipped.Length == 0 ? " (" : ", ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(reason);
            total += count;
        }

        if (skipped.Length > 0)
        {
            skipped.Append(')');
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{checker.Checks.Count} call{(checker.Checks.Count == 1 ? "" : "s")} replayed: {allowed} allowed, {denied} denied, {undecidable} undecidable; {total} events not replayed{skipped}"));
        if (checker.KeyPolicyAssumed > 0)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"assumed: {checker.KeyPolicyAssumed} permission{(checker.KeyPolicyAssumed == 1 ? "" : "s")} on KMS keys evaluated with the default key policy (it allows the key's own account, so IAM policies decide; another account's caller is not allowed)"));
        }

        if (checker.ThroughEndpoint > 0)
        {
            string calls = string.Create(CultureInfo.InvariantCulture, $"{checker.ThroughEndpoint} call{(checker.ThroughEndpoint == 1 ? "" : "s")} went through a VPC endpoint");
            writer.WriteLine(endpointPolicyGiven ? $"{calls}: evaluated with --endpoint-policy"
                : $"{calls}; its policy was not given (--endpoint-policy FILE), so the default full-access endpoint policy was assumed");
        }
    }

    /// <summary>One object per call: eventId, eventTime, eventName, action, resource, decision, reason, missingKeys (and unknownKeys, laterTagging when present).</summary>
    public static void WriteNdjson(TextWriter writer, IReadOnlyList<CallCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(checks);
        using var stream = new MemoryStream();
        foreach (CallCheck c in checks)
        {
            stream.SetLength(0);
            using (var json = new Utf8JsonWriter(stream, Compact))
            {
                json.WriteStartObject();
                json.WriteString("eventId", c.EventId);
                json.WriteString("eventTime", c.EventTime);
                json.WriteString("eventName", c.EventName);
                Nullable(json, "action", c.Action);
                Nullable(json, "resource", c.Resource);
                json.WriteString("decision", c.Decision);
                json.WriteString("reason", c.Reason);
                json.WriteStringArray("missingKeys", c.MissingKeys);
                if (c.UnknownKeys.Length > 0)
                {
                    json.WriteStringArray("unknownKeys", c.UnknownKeys);
                }

                if (c.Permissions.Length > 1)
                {
                    json.WriteStartArray("permissions");
                    foreach (CallCheck p in c.Permissions)
                    {
                        json.WriteStartObject();
                        Nullable(json, "action", p.Action);
                        Nullable(json, "resource", p.Resource);
                        json.WriteString("decision", p.Decision);
                        json.WriteString("reason", p.Reason);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                if (c.LaterTagging is { } tag)
                {
                    json.WriteStartObject("laterTagging");
                    json.WriteString("eventId", tag.EventId);
                    json.WriteString("eventTime", tag.EventTime);
                    json.WriteString("eventName", tag.EventName);
                    json.WriteString("basis", c.LaterTaggingBasis);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            writer.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
            writer.Write('\n');
        }
    }

    private static string Tags(TagFact tag)
    {
        var parts = new List<string>(tag.Tags.Length);
        foreach (KeyValuePair<string, string> t in tag.Tags)
        {
            parts.Add($"{t.Key}={t.Value}");
        }

        return string.Join(", ", parts);
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
