using System.Globalization;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Analysis.Actions;

namespace TrailSift.Core.Output.Actions;

/// <summary>Prints <c>actions --summary</c> and <c>actions --coverage</c> as NDJSON.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PermissionSummaryPrinter
{
    /// <summary>One line per principal, sorted; returns the number of principals.</summary>
    public static long WriteSummary(PermissionAggregator aggregate, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(writer);
        foreach ((string name, PrincipalPermissions p) in aggregate.Principals)
        {
            writer.Write(Json(json =>
            {
                json.WriteStartObject();
                json.WriteString("principal", name);
                json.WriteNumber("events", p.Events);
                WriteTally(json, "actions", p.Observed);
                WriteTally(json, "implied", p.Implied);
                json.WriteEndObject();
            }));
            writer.Write('\n');
        }

        return aggregate.PrincipalCount;
    }

    /// <summary>One line per pair, sorted, then the share mapped; returns the number of pairs.</summary>
    public static long WriteCoverage(PermissionAggregator aggregate, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(writer);

        // The share counts AWS event sources only; other hosts (placeholders, other clouds) are listed but not counted.
        int mapped = 0, aws = 0;
        long events = 0, mappedEvents = 0;
        foreach (((string source, string name), EventPairCoverage pair) in aggregate.Pairs)
        {
            bool isAws = source.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase);
            aws += isAws ? 1 : 0;
            mapped += isAws && pair.Mapped ? 1 : 0;
            events += isAws ? pair.Count : 0;
            mappedEvents += isAws && pair.Mapped ? pair.Count : 0;
            writer.Write(Json(json =>
            {
                json.WriteStartObject();
                json.WriteString("eventSource", source);
                json.WriteString("eventName", name);
                json.WriteNumber("count", pair.Count);
                json.WriteBoolean("mapped", pair.Mapped);
                json.WriteStartArray("actions");
                foreach (string action in pair.Actions)
                {
                    json.WriteStringValue(action);
                }

                json.WriteEndArray();
                if (pair.Permissionless)
                {
                    json.WriteBoolean("permissionless", true);
                }

                if (pair.NotApiCall)
                {
                    json.WriteBoolean("notApiCall", true);
                }

                if (!pair.Mapped && pair.Why is not null)
                {
                    json.WriteString("why", pair.Why);
                }

                json.WriteEndObject();
            }));
            writer.Write('\n');
        }

        // Both weights: distinct (source, name) pairs, and events (what a user's trail is made of).
        double share = aws == 0 ? 0 : (double)mapped / aws;
        double eventShare = events == 0 ? 0 : (double)mappedEvents / events;
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"{{\"pairs\":{aws},\"mapped\":{mapped},\"share\":{share:0.0000},\"events\":{events},\"mappedEvents\":{mappedEvents},\"eventShare\":{eventShare:0.0000},\"otherSourcePairs\":{aggregate.PairCount - aws}}}\n"));
        return aggregate.PairCount;
    }

    private static void WriteTally(Utf8JsonWriter json, string name, PermissionTally tally)
    {
        json.WriteStartArray(name);
        foreach ((string action, SortedDictionary<string, long> resources) in tally.Actions)
        {
            json.WriteStartObject();
            json.WriteString("action", action);
            json.WriteNumber("count", resources.Values.Sum());
            json.WriteStartArray("resources");
            foreach ((string resource, long count) in resources)
            {
                json.WriteStartObject();
                json.WriteString("resource", resource);
                json.WriteNumber("count", count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PermissionJson.Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
