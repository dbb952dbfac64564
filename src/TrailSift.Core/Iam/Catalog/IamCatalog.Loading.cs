using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace TrailSift.Core.Iam.Catalog;

// Reading the catalog JSON (format 1) written by tools/CatalogGen:
// { "formatVersion": 1,
//   "source": { "package", "version", "updatedAt"? },
//   "globalConditionKeys": [ { "key", "type" } ],
//   "conditionPatterns": [ { "key", "prefix", "service", "suffix" } ],
//   "services": [ { "prefix", "name", "rcp"?, "actions": [ { "name", "accessLevel", "conditionKeys"?,
//        "dependentActions"?, "resourceTypes"?: [ { "name", "required"?, "conditionKeys"?, "dependentActions"? } ] } ],
//        "resourceTypes"?: [ { "name", "arn", "conditionKeys"? } ], "conditionKeys"?: [ { "key", "type" } ] } ],
//   "unassociatedConditions": { "<key prefix>": [ "<service>" ] } }
// Empty arrays and false flags are omitted by the generator.
public sealed partial class IamCatalog
{
    /// <summary>The catalog format this reader understands.</summary>
    internal const int FormatVersion = 1;

    /// <summary>
    /// Loads a catalog from <paramref name="stream"/>, gzip-compressed (as embedded) or plain JSON, and records
    /// <see cref="LoadTime"/>. Throws <see cref="InvalidDataException"/> when the data is not a catalog.
    /// </summary>
    public static IamCatalog Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long started = Stopwatch.GetTimestamp();
        byte[] json = ReadJson(stream);
        IamCatalog catalog;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            catalog = Read(document.RootElement, started);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("The IAM catalog data is malformed: " + e.Message, e);
        }

        return catalog;
    }

    private static IamCatalog LoadEmbedded()
    {
        using Stream stream = typeof(IamCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded IAM catalog '{ResourceName}' is missing.");
        return Load(stream);
    }

    private static byte[] ReadJson(Stream stream)
    {
        var raw = new MemoryStream();
        stream.CopyTo(raw);
        if (raw.Length >= 2 && raw.GetBuffer()[0] == 0x1f && raw.GetBuffer()[1] == 0x8b)
        {
            raw.Position = 0;
            using var gzip = new GZipStream(raw, CompressionMode.Decompress);
            var plain = new MemoryStream(capacity: (int)raw.Length * 8);
            gzip.CopyTo(plain);
            return plain.ToArray();
        }

        return raw.ToArray();
    }

    private static IamCatalog Read(JsonElement root, long started)
    {
        int format = root.GetProperty("formatVersion").GetInt32();
        if (format != FormatVersion)
        {
            throw new InvalidDataException($"IAM catalog format {format} is not supported (expected {FormatVersion}).");
        }

        var strings = new StringPool();
        CatalogSource source = ReadSource(root.GetProperty("source"));
        ImmutableArray<ConditionKeyInfo> globalKeys = ReadConditionKeys(root.GetProperty("globalConditionKeys"), GlobalPrefix, strings);

        var services = ImmutableArray.CreateBuilder<ServiceInfo>();
        foreach (JsonElement service in root.GetProperty("services").EnumerateArray())
        {
            services.Add(ReadService(service, strings));
        }

        var unassociated = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonProperty entry in root.GetProperty("unassociatedConditions").EnumerateObject())
        {
            unassociated[entry.Name] = ReadStrings(entry.Value, strings);
        }

        ImmutableArray<ServiceInfo> serviceArray = services.DrainToImmutable();
        ImmutableArray<ConditionKeyPattern> patterns = ReadPatterns(root.GetProperty("conditionPatterns"), serviceArray, globalKeys);
        return new IamCatalog(source, serviceArray, globalKeys, patterns, unassociated.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase))
        {
            LoadTime = Stopwatch.GetElapsedTime(started),
        };
    }

    private static CatalogSource ReadSource(JsonElement source)
    {
        DateTimeOffset? updatedAt = source.TryGetProperty("updatedAt", out JsonElement date)
            ? DateTimeOffset.Parse(date.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        return new CatalogSource(source.GetProperty("package").GetString()!, source.GetProperty("version").GetString()!, updatedAt);
    }

    private static ServiceInfo ReadService(JsonElement service, StringPool strings)
    {
        string prefix = strings.Get(service.GetProperty("prefix"));
        var resourceTypes = ImmutableArray.CreateBuilder<ResourceTypeInfo>();
        var byName = new Dictionary<string, ResourceTypeInfo>(StringComparer.OrdinalIgnoreCase);
        if (service.TryGetProperty("resourceTypes", out JsonElement types))
        {
            foreach (JsonElement type in types.EnumerateArray())
            {
                var info = new ResourceTypeInfo(prefix, strings.Get(type.GetProperty("name")),
                    ArnTemplate.Parse(type.GetProperty("arn").GetString()!), OptionalStrings(type, "conditionKeys", strings));
                resourceTypes.Add(info);
                byName.TryAdd(info.Name, info);
            }
        }

        var actions = ImmutableArray.CreateBuilder<ActionInfo>();
        if (service.TryGetProperty("actions", out JsonElement actionArray))
        {
            foreach (JsonElement action in actionArray.EnumerateArray())
            {
                actions.Add(ReadAction(action, prefix, byName, strings));
            }
        }

        ImmutableArray<ConditionKeyInfo> conditionKeys = service.TryGetProperty("conditionKeys", out JsonElement keys)
            ? ReadConditionKeys(keys, prefix, strings)
            : [];
        bool rcp = service.TryGetProperty("rcp", out JsonElement rcpFlag) && rcpFlag.GetBoolean();
        return new ServiceInfo(prefix, service.GetProperty("name").GetString()!, rcp, actions.DrainToImmutable(),
            resourceTypes.DrainToImmutable(), conditionKeys);
    }

    private static ActionInfo ReadAction(JsonElement action, string prefix, Dictionary<string, ResourceTypeInfo> types, StringPool strings)
    {
        ImmutableArray<ActionResourceType> resourceTypes = [];
        if (action.TryGetProperty("resourceTypes", out JsonElement array))
        {
            var builder = ImmutableArray.CreateBuilder<ActionResourceType>(array.GetArrayLength());
            foreach (JsonElement entry in array.EnumerateArray())
            {
                string name = strings.Get(entry.GetProperty("name"));
                bool required = entry.TryGetProperty("required", out JsonElement flag) && flag.GetBoolean();
                builder.Add(new ActionResourceType(name, required, types.GetValueOrDefault(name),
                    OptionalStrings(entry, "conditionKeys", strings), OptionalStrings(entry, "dependentActions", strings)));
            }

            resourceTypes = builder.MoveToImmutable();
        }

        return new ActionInfo(prefix, action.GetProperty("name").GetString()!,
            ParseAccessLevel(action.GetProperty("accessLevel").GetString()!), resourceTypes,
            OptionalStrings(action, "conditionKeys", strings), OptionalStrings(action, "dependentActions", strings));
    }

    private static ImmutableArray<ConditionKeyInfo> ReadConditionKeys(JsonElement array, string prefix, StringPool strings)
    {
        var keys = ImmutableArray.CreateBuilder<ConditionKeyInfo>(array.GetArrayLength());
        foreach (JsonElement key in array.EnumerateArray())
        {
            keys.Add(new ConditionKeyInfo(prefix, strings.Get(key.GetProperty("key")), ParseType(key.GetProperty("type").GetString()!)));
        }

        return keys.MoveToImmutable();
    }

    private static ImmutableArray<ConditionKeyPattern> ReadPatterns(JsonElement array, ImmutableArray<ServiceInfo> services,
        ImmutableArray<ConditionKeyInfo> globalKeys)
    {
        var owners = new Dictionary<string, ServiceInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (ServiceInfo service in services)
        {
            owners.TryAdd(service.Prefix, service);
        }

        var patterns = new List<ConditionKeyPattern>();
        foreach (JsonElement entry in array.EnumerateArray())
        {
            string service = entry.GetProperty("service").GetString()!;
            string key = entry.GetProperty("key").GetString()!;
            ConditionKeyInfo? info = null;
            bool known = service == GlobalPrefix
                ? TryFindGlobal(globalKeys, key, out info)
                : owners.TryGetValue(service, out ServiceInfo? owner) && owner.TryGetConditionKey(key, out info);
            if (!known)
            {
                throw new InvalidDataException($"Condition pattern for '{key}' names a key that '{service}' does not have.");
            }

            patterns.Add(new ConditionKeyPattern(entry.GetProperty("prefix").GetString()!, entry.GetProperty("suffix").GetString()!, info!));
        }

        // Longer literals first, so "events:Metadata/${MetadataKey}/Matcher" wins over "events:Metadata/${MetadataKey}".
        patterns.Sort(static (a, b) =>
        {
            int bySuffix = b.Suffix.Length.CompareTo(a.Suffix.Length);
            return bySuffix != 0 ? bySuffix : b.Prefix.Length.CompareTo(a.Prefix.Length);
        });
        return [.. patterns];
    }

    private static bool TryFindGlobal(ImmutableArray<ConditionKeyInfo> globalKeys, string key, out ConditionKeyInfo? info)
    {
        foreach (ConditionKeyInfo candidate in globalKeys)
        {
            if (candidate.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                info = candidate;
                return true;
            }
        }

        info = null;
        return false;
    }

    private static ImmutableArray<string> OptionalStrings(JsonElement parent, string property, StringPool strings) =>
        parent.TryGetProperty(property, out JsonElement array) ? ReadStrings(array, strings) : [];

    private static ImmutableArray<string> ReadStrings(JsonElement array, StringPool strings)
    {
        var values = ImmutableArray.CreateBuilder<string>(array.GetArrayLength());
        foreach (JsonElement value in array.EnumerateArray())
        {
            values.Add(strings.Get(value));
        }

        return values.MoveToImmutable();
    }

    private static AccessLevel ParseAccessLevel(string text)
    {
        AccessLevel level = AccessLevel.None;
        foreach (Range part in text.AsSpan().Split(','))
        {
            level |= text.AsSpan()[part].Trim() switch
            {
                "List" => AccessLevel.List,
                "Read" => AccessLevel.Read,
                "Write" => AccessLevel.Write,
                "Permissions management" => AccessLevel.PermissionsManagement,
                "Tagging" => AccessLevel.Tagging,
                _ => throw new InvalidDataException($"Unknown access level '{text}'."),
            };
        }

        return level;
    }

    private static ConditionKeyType ParseType(string text) => text switch
    {
        "ARN" => ConditionKeyType.Arn,
        "ArrayOfARN" => ConditionKeyType.ArrayOfArn,
        _ => Enum.TryParse(text, ignoreCase: false, out ConditionKeyType type) && !text.Contains(',', StringComparison.Ordinal)
            ? type
            : throw new InvalidDataException($"Unknown condition key type '{text}'."),
    };

    // Condition keys and resource-type names repeat thousands of times; share one string per spelling.
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

        public string Get(JsonElement value)
        {
            string text = value.GetString()!;
            if (_pool.TryGetValue(text, out string? shared))
            {
                return shared;
            }

            _pool.Add(text, text);
            return text;
        }
    }
}
