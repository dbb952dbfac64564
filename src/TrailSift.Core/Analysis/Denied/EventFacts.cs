using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// Reads the few facts the denied analysis needs from an event: who called on whose behalf, whether a call
/// is a create or a tagging call, which resources it tagged or created, and which tag keys it carried.
/// </summary>
/// <remarks>Stateless; thread-safe. Called only for denials, tagging calls and successful create calls.</remarks>
internal static class EventFacts
{
    private const int MaxDepth = 6;
    private const int MaxValues = 64;

    /// <summary>Create calls whose resources may be tagged in a separate, later call.</summary>
    public static bool IsCreateCall(string eventName) =>
        !TaggingCalls.AddsTags(eventName)
        && (eventName.StartsWith("Create", StringComparison.Ordinal) || eventName.StartsWith("Run", StringComparison.Ordinal)
            || eventName.StartsWith("Allocate", StringComparison.Ordinal) || eventName.StartsWith("Launch", StringComparison.Ordinal)
            || eventName.StartsWith("Copy", StringComparison.Ordinal) || eventName.StartsWith("Import", StringComparison.Ordinal));

    /// <summary><c>userIdentity.invokedBy</c>, or null.</summary>
    public static string? InvokedBy(EventRecord record) => Text(record.UserIdentity.GetProperty("invokedBy"u8));

    /// <summary>Who made the call: <c>invokedBy</c> when a service called on the principal's behalf, else the user agent.</summary>
    public static string? CalledBy(EventRecord record) => InvokedBy(record) ?? Text(record.UserAgent);

    /// <summary>The event id, or an empty string.</summary>
    public static string EventId(EventRecord record) => Text(record.Root.GetProperty("eventID"u8)) ?? string.Empty;

    /// <summary>True when the request carried tags at creation (a request parameter whose name holds <c>tag</c>, not empty).</summary>
    public static bool RequestHasTags(EventRecord record)
    {
        foreach (JsonNode.PropertyEnumerator p in record.Root.GetProperty("requestParameters"u8).EnumerateProperties())
        {
            if (p.Name.GetString().Contains("tag", StringComparison.OrdinalIgnoreCase)
                && p.Value.Kind is JsonKind.Array or JsonKind.Object && p.Value.ChildCount > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The resources a tagging call names: string values under request parameters whose name holds
    /// <c>resource</c> (<c>resourcesSet.items[].resourceId</c>, <c>resourceArn</c>, <c>ResourceARNList</c>, <c>resourceId</c>).
    /// </summary>
    public static string[] TaggedResources(EventRecord record)
    {
        var found = new List<string>();
        foreach (JsonNode.PropertyEnumerator p in record.Root.GetProperty("requestParameters"u8).EnumerateProperties())
        {
            string name = p.Name.GetString();
            if (name.Contains("resource", StringComparison.OrdinalIgnoreCase) || name.Contains("arn", StringComparison.OrdinalIgnoreCase))
            {
                CollectStrings(p.Value, found, 0);
            }
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The tag keys a request carries: <c>tagSet.items[].key</c>, <c>Tags[].Key</c>, or the names of a <c>tags</c> map.</summary>
    public static string[] TagKeys(EventRecord record)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonNode.PropertyEnumerator p in record.Root.GetProperty("requestParameters"u8).EnumerateProperties())
        {
            if (p.Name.GetString().Contains("tag", StringComparison.OrdinalIgnoreCase))
            {
                CollectTagKeys(p.Value, keys, 0);
            }
        }

        return [.. keys];
    }

    /// <summary>
    /// The ids and ARNs a successful create call returned: string values of <c>responseElements</c> properties whose
    /// name ends in <c>Id</c> or <c>Arn</c> (<c>instancesSet.items[].instanceId</c>, <c>volumeId</c>, <c>DBInstanceArn</c>).
    /// </summary>
    public static string[] CreatedResources(EventRecord record)
    {
        var found = new List<string>();
        CollectIds(record.Root.GetProperty("responseElements"u8), found, 0);
        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    private static void CollectIds(JsonNode node, List<string> found, int depth)
    {
        if (depth > MaxDepth || found.Count >= MaxValues)
        {
            return;
        }

        if (node.Kind == JsonKind.Array)
        {
            foreach (JsonNode child in node.EnumerateChildren())
            {
                CollectIds(child, found, depth + 1);
            }

            return;
        }

        foreach (JsonNode.PropertyEnumerator p in node.EnumerateProperties())
        {
            if (p.Value.Kind == JsonKind.String)
            {
                string name = p.Name.GetString();
                if ((name.EndsWith("Id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Arn", StringComparison.OrdinalIgnoreCase))
                    && !name.Equals("requestId", StringComparison.OrdinalIgnoreCase) && !name.Equals("ownerId", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(p.Value.GetString());
                }
            }
            else if (p.Value.Kind is JsonKind.Object or JsonKind.Array)
            {
                CollectIds(p.Value, found, depth + 1);
            }
        }
    }

    private static void CollectStrings(JsonNode node, List<string> found, int depth)
    {
        if (depth > MaxDepth || found.Count >= MaxValues)
        {
            return;
        }

        if (node.Kind == JsonKind.String)
        {
            found.Add(node.GetString());
            return;
        }

        foreach (JsonNode child in node.EnumerateChildren())
        {
            CollectStrings(child, found, depth + 1);
        }
    }

    private static void CollectTagKeys(JsonNode node, SortedSet<string> keys, int depth)
    {
        if (depth > MaxDepth || keys.Count >= MaxValues)
        {
            return;
        }

        if (node.Kind == JsonKind.Array)
        {
            foreach (JsonNode item in node.EnumerateChildren())
            {
                JsonNode key = item.GetProperty("key"u8);
                key = key.Kind == JsonKind.String ? key : item.GetProperty("Key"u8);
                if (key.Kind == JsonKind.String)
                {
                    keys.Add(key.GetString());
                }
                else
                {
                    CollectTagKeys(item, keys, depth + 1);
                }
            }

            return;
        }

        if (node.Kind != JsonKind.Object)
        {
            return;
        }

        JsonNode items = node.GetProperty("items"u8);
        if (items.Kind == JsonKind.Array)
        {
            CollectTagKeys(items, keys, depth + 1);
            return;
        }

        // A tag map ({"team": "data"}) names its keys; an object of lists (tagSpecificationSet) is walked.
        foreach (JsonNode.PropertyEnumerator p in node.EnumerateProperties())
        {
            if (p.Value.Kind == JsonKind.String)
            {
                keys.Add(p.Name.GetString());
            }
            else
            {
                CollectTagKeys(p.Value, keys, depth + 1);
            }
        }
    }

    private static string? Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : null;
}
