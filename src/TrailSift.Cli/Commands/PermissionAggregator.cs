using System.Globalization;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Cli.Commands;

/// <summary>
/// Aggregates mapped events for <c>actions --summary</c> (per principal: actions and resources with counts) or
/// <c>actions --coverage</c> (per <c>(eventSource, eventName)</c>: count, mapped, actions). Merged after the scan.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker, merged on one thread.</remarks>
internal sealed class PermissionAggregator(EventPermissionMapper mapper, bool coverage) : IEventSink, ISequencedSink
{
    // principal → (action → (resource → count)), plus events per principal; implied kept apart.
    private readonly Dictionary<string, Principal> _principals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Name), Pair> _pairs = new();

    public void BeginObject(int sequence, string path)
    {
    }

    public void EndObject(int sequence, string path)
    {
    }

    public void Accept(EventRecord record)
    {
        EventPermissions result = mapper.Map(record);
        if (coverage)
        {
            var key = (Text(record.EventSource), Text(record.EventName));
            if (!_pairs.TryGetValue(key, out Pair? pair))
            {
                _pairs[key] = pair = new Pair();
            }

            pair.Add(result);
            return;
        }

        string principal = PermissionJson.Principal(record) ?? "(unknown)";
        if (!_principals.TryGetValue(principal, out Principal? p))
        {
            _principals[principal] = p = new Principal();
        }

        p.Events++;
        foreach (RequiredPermission permission in result.Permissions)
        {
            p.Observed.Add(permission.Action, permission.Resource, 1);
        }

        foreach (RequiredPermission permission in result.Implied)
        {
            p.Implied.Add(permission.Action, permission.Resource, 1);
        }
    }

    public void Merge(PermissionAggregator other)
    {
        foreach ((string name, Principal p) in other._principals)
        {
            if (!_principals.TryGetValue(name, out Principal? mine))
            {
                _principals[name] = mine = new Principal();
            }

            mine.Events += p.Events;
            mine.Observed.Merge(p.Observed);
            mine.Implied.Merge(p.Implied);
        }

        foreach ((var key, Pair pair) in other._pairs)
        {
            if (!_pairs.TryGetValue(key, out Pair? mine))
            {
                _pairs[key] = mine = new Pair();
            }

            mine.Merge(pair);
        }
    }

    /// <summary>One line per principal, sorted; returns the number of principals.</summary>
    public long WriteSummary(TextWriter writer)
    {
        foreach ((string name, Principal p) in _principals.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            writer.Write(Json(json =>
            {
                json.WriteStartObject();
                json.WriteString("principal", name);
                json.WriteNumber("events", p.Events);
                p.Observed.Write(json, "actions");
                p.Implied.Write(json, "implied");
                json.WriteEndObject();
            }));
            writer.Write('\n');
        }

        return _principals.Count;
    }

    /// <summary>One line per pair, sorted, then the share mapped; returns the number of pairs.</summary>
    public long WriteCoverage(TextWriter writer)
    {
        // The share counts AWS event sources only; other hosts (placeholders, other clouds) are listed but not counted.
        int mapped = 0, aws = 0;
        long events = 0, mappedEvents = 0;
        foreach (((string source, string name), Pair pair) in _pairs.OrderBy(x => x.Key.Source, StringComparer.Ordinal).ThenBy(x => x.Key.Name, StringComparer.Ordinal))
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
            $"{{\"pairs\":{aws},\"mapped\":{mapped},\"share\":{share:0.0000},\"events\":{events},\"mappedEvents\":{mappedEvents},\"eventShare\":{eventShare:0.0000},\"otherSourcePairs\":{_pairs.Count - aws}}}\n"));
        return _pairs.Count;
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

    private static string Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : string.Empty;

    private sealed class Principal
    {
        public long Events;
        public readonly Tally Observed = new();
        public readonly Tally Implied = new();
    }

    /// <summary>action → resource → count.</summary>
    private sealed class Tally
    {
        private readonly SortedDictionary<string, SortedDictionary<string, long>> _actions = new(StringComparer.Ordinal);

        public void Add(string action, string resource, long count)
        {
            if (!_actions.TryGetValue(action, out SortedDictionary<string, long>? resources))
            {
                _actions[action] = resources = new SortedDictionary<string, long>(StringComparer.Ordinal);
            }

            resources[resource] = resources.GetValueOrDefault(resource) + count;
        }

        public void Merge(Tally other)
        {
            foreach ((string action, SortedDictionary<string, long> resources) in other._actions)
            {
                foreach ((string resource, long count) in resources)
                {
                    Add(action, resource, count);
                }
            }
        }

        public void Write(Utf8JsonWriter json, string name)
        {
            json.WriteStartArray(name);
            foreach ((string action, SortedDictionary<string, long> resources) in _actions)
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
    }

    private sealed class Pair
    {
        public long Count;
        public bool Mapped = true;
        public bool Permissionless;
        public bool NotApiCall;
        public string? Why;
        public readonly SortedSet<string> Actions = new(StringComparer.Ordinal);

        public void Add(EventPermissions result)
        {
            Count++;
            Mapped &= result.IsAccountedFor;
            Permissionless |= result.Status == MappingStatus.Permissionless;
            NotApiCall |= result.Status == MappingStatus.NotApiCall;
            if (result.Status == MappingStatus.Unmapped)
            {
                Why ??= string.Join("; ", result.Notes);
            }

            foreach (RequiredPermission p in result.Permissions)
            {
                Actions.Add(p.Action);
            }
        }

        public void Merge(Pair other)
        {
            Count += other.Count;
            Mapped &= other.Mapped;
            Permissionless |= other.Permissionless;
            NotApiCall |= other.NotApiCall;
            Why ??= other.Why;
            Actions.UnionWith(other.Actions);
        }
    }
}
