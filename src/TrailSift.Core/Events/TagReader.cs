using TrailSift.Core.Json;

namespace TrailSift.Core.Events;

/// <summary>
/// Reads tags from CloudTrail request parameters in the shapes services log them: EC2's
/// <c>tagSpecificationSet.items[].tags[]</c> and <c>tagSet.items[]</c> (<c>key</c>/<c>value</c>), lists of
/// <c>{Key, Value}</c> (<c>Tags</c>, <c>tags</c>, <c>tagList</c>, <c>TagSpecifications[].Tags</c>), and maps
/// (<c>tags: {"team": "x"}</c>, SQS and Lambda).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class TagReader
{
    private static readonly string[] TagFields = ["tags", "Tags", "tagSet", "TagSet", "tagList", "TagList"];
    private static readonly string[] SpecificationFields = ["tagSpecificationSet", "TagSpecifications", "tagSpecifications"];
    private static readonly string[] KeyListFields = ["tagKeys", "TagKeys"];

    /// <summary>The tags a request applies (last value wins for a repeated key), in the order first seen.</summary>
    /// <param name="requestParameters">The event's <c>requestParameters</c>.</param>
    /// <param name="resourceType">When given, only tag specifications for this resource type (or naming none) count.</param>
    public static List<KeyValuePair<string, string>> RequestTags(JsonNode requestParameters, string? resourceType = null)
    {
        var tags = new List<KeyValuePair<string, string>>();
        if (requestParameters.Kind != JsonKind.Object)
        {
            return tags;
        }

        foreach (string field in TagFields)
        {
            ReadContainer(requestParameters.GetProperty(field), tags);
        }

        foreach (string field in SpecificationFields)
        {
            foreach (JsonNode spec in ArrayOf(requestParameters.GetProperty(field)).EnumerateChildren())
            {
                JsonNode type = First(spec, "resourceType", "ResourceType");
                if (resourceType is not null && type.Kind == JsonKind.String && !type.GetString().Equals(resourceType, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (string inner in TagFields)
                {
                    ReadContainer(spec.GetProperty(inner), tags);
                }
            }
        }

        return tags;
    }

    /// <summary>Tag keys listed for removal (<c>tagKeys</c>, <c>TagKeys</c>, or the keys of <c>tagSet</c>).</summary>
    public static List<string> RemovedKeys(JsonNode requestParameters)
    {
        var keys = new List<string>();
        foreach (string field in KeyListFields)
        {
            foreach (JsonNode key in ArrayOf(requestParameters.GetProperty(field)).EnumerateChildren())
            {
                if (key.Kind == JsonKind.String)
                {
                    keys.Add(key.GetString());
                }
            }
        }

        var tags = new List<KeyValuePair<string, string>>();
        ReadContainer(requestParameters.GetProperty("tagSet"), tags);
        foreach (KeyValuePair<string, string> tag in tags)
        {
            keys.Add(tag.Key);
        }

        return keys;
    }

    /// <summary>The elements of an array, or of EC2's <c>{"items": [...]}</c> wrapper.</summary>
    public static IEnumerable<JsonNode> Items(JsonNode node)
    {
        foreach (JsonNode child in ArrayOf(node).EnumerateChildren())
        {
            yield return child;
        }
    }

    // The array Items enumerates (the node, or EC2's items wrapper's), else Undefined, whose children enumerate as none:
    // no iterator is made for the many tag fields a request does not have.
    private static JsonNode ArrayOf(JsonNode node)
    {
        if (node.Kind == JsonKind.Object && node.GetProperty("items"u8) is { Kind: JsonKind.Array } items)
        {
            node = items;
        }

        return node.Kind == JsonKind.Array ? node : JsonNode.Undefined;
    }

    private static void ReadContainer(JsonNode node, List<KeyValuePair<string, string>> tags)
    {
        if (node.Kind == JsonKind.Object && node.GetProperty("items"u8).Kind != JsonKind.Array)
        {
            // A map: {"team": "data"}.
            foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
            {
                if (property.Value.Kind == JsonKind.String)
                {
                    Add(tags, property.Name.GetString(), property.Value.GetString());
                }
            }

            return;
        }

        foreach (JsonNode item in ArrayOf(node).EnumerateChildren())
        {
            JsonNode key = First(item, "key", "Key");
            if (key.Kind == JsonKind.String)
            {
                JsonNode value = First(item, "value", "Value");
                Add(tags, key.GetString(), value.Kind == JsonKind.String ? value.GetString() : string.Empty);
            }
        }
    }

    private static JsonNode First(JsonNode item, string a, string b)
    {
        JsonNode found = item.GetProperty(a);
        return found.IsNullOrUndefined ? item.GetProperty(b) : found;
    }

    private static void Add(List<KeyValuePair<string, string>> tags, string key, string value)
    {
        for (int i = 0; i < tags.Count; i++)
        {
            if (string.Equals(tags[i].Key, key, StringComparison.Ordinal))
            {
                tags[i] = new(key, value);
                return;
            }
        }

        tags.Add(new(key, value));
    }
}
