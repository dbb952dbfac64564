using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace TrailSift.Core.Iam.Catalog;

// Loading: decompress, then one forward pass of Utf8JsonReader over the catalog JSON (format 1) written by
// tools/CatalogGen. A streaming pass is about twice as fast as JsonDocument here. Layout (properties sorted):
// { "conditionPatterns": [ { "key", "prefix", "service", "suffix" } ], "formatVersion": 1,
//   "globalConditionKeys": [ { "key", "type" } ],
//   "services": [ { "actions": [ { "accessLevel", "conditionKeys"?, "dependentActions"?, "name",
//        "resourceTypes"?: [ { "conditionKeys"?, "dependentActions"?, "name", "required"? } ] } ],
//        "conditionKeys"?: [ { "key", "type" } ], "name", "prefix", "rcp"?,
//        "resourceTypes"?: [ { "arn", "conditionKeys"?, "name" } ] } ],
//   "source": { "package", "updatedAt"?, "version" },
//   "unassociatedConditions": { "<key prefix>": [ "<service>" ] } }
// Empty arrays and false flags are omitted; unknown properties are skipped.
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
        byte[] json = ReadJson(stream, out int length);
        try
        {
            return Read(json.AsSpan(0, length), started);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException("The IAM catalog data is malformed: " + e.Message, e);
        }
    }

    private static IamCatalog LoadEmbedded()
    {
        using Stream stream = typeof(IamCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded IAM catalog '{ResourceName}' is missing.");
        return Load(stream);
    }

    private static byte[] ReadJson(Stream stream, out int length)
    {
        var raw = new MemoryStream();
        stream.CopyTo(raw);
        byte[] bytes = raw.GetBuffer();
        if (raw.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            raw.Position = 0;
            using var gzip = new GZipStream(raw, CompressionMode.Decompress);
            var plain = new MemoryStream(capacity: (int)raw.Length * 16);
            gzip.CopyTo(plain);
            length = (int)plain.Length;
            return plain.GetBuffer();
        }

        length = (int)raw.Length;
        return bytes;
    }

    private static IamCatalog Read(ReadOnlySpan<byte> json, long started)
    {
        var reader = new Utf8JsonReader(json);
        var strings = new StringPool();
        int format = -1;
        CatalogSource? source = null;
        List<RawKey> globals = [];
        List<(string Key, string Prefix, string Service, string Suffix)> rawPatterns = [];
        var services = ImmutableArray.CreateBuilder<ServiceInfo>();
        var unassociated = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);

        reader.Read();
        Require(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("formatVersion"u8))
            {
                reader.Read();
                format = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                source = ReadSource(ref reader);
            }
            else if (reader.ValueTextEquals("globalConditionKeys"u8))
            {
                reader.Read();
                globals = ReadKeys(ref reader, strings);
            }
            else if (reader.ValueTextEquals("conditionPatterns"u8))
            {
                reader.Read();
                rawPatterns = ReadPatterns(ref reader, strings);
            }
            else if (reader.ValueTextEquals("services"u8))
            {
                reader.Read();
                Require(ref reader, JsonTokenType.StartArray);
                while (NextElement(ref reader))
                {
                    services.Add(ReadService(ref reader, strings));
                }
            }
            else if (reader.ValueTextEquals("unassociatedConditions"u8))
            {
                reader.Read();
                Require(ref reader, JsonTokenType.StartObject);
                while (NextProperty(ref reader))
                {
                    string prefix = reader.GetString()!;
                    reader.Read();
                    unassociated[prefix] = ReadStrings(ref reader, strings);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (format != FormatVersion)
        {
            throw new InvalidDataException($"IAM catalog format {format} is not supported (expected {FormatVersion}).");
        }

        ImmutableArray<ConditionKeyInfo> globalKeys = BuildKeys(globals, GlobalPrefix);
        ImmutableArray<ServiceInfo> serviceArray = services.DrainToImmutable();
        ImmutableArray<ConditionKeyPattern> patterns = ResolvePatterns(rawPatterns, serviceArray, globalKeys);
        return new IamCatalog(source ?? throw new InvalidDataException("The IAM catalog has no source."),
            serviceArray, globalKeys, patterns, unassociated.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase))
        {
            LoadTime = Stopwatch.GetElapsedTime(started),
        };
    }

    private static CatalogSource ReadSource(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.StartObject);
        string? package = null, version = null;
        DateTimeOffset? updatedAt = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("package"u8))
            {
                reader.Read();
                package = reader.GetString();
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                version = reader.GetString();
            }
            else if (reader.ValueTextEquals("updatedAt"u8))
            {
                reader.Read();
                updatedAt = DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }
            else
            {
                reader.Skip();
            }
        }

        return new CatalogSource(package ?? throw Missing("source.package"), version ?? throw Missing("source.version"), updatedAt);
    }

    private static ServiceInfo ReadService(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartObject);
        string? prefix = null, name = null;
        bool rcp = false;
        List<RawAction> actions = [];
        List<RawKey> keys = [];
        List<(string Name, string Arn, ImmutableArray<string> Keys)> types = [];
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("actions"u8))
            {
                reader.Read();
                Require(ref reader, JsonTokenType.StartArray);
                while (NextElement(ref reader))
                {
                    actions.Add(ReadAction(ref reader, strings));
                }
            }
            else if (reader.ValueTextEquals("resourceTypes"u8))
            {
                reader.Read();
                Require(ref reader, JsonTokenType.StartArray);
                while (NextElement(ref reader))
                {
                    types.Add(ReadResourceType(ref reader, strings));
                }
            }
            else if (reader.ValueTextEquals("conditionKeys"u8))
            {
                reader.Read();
                keys = ReadKeys(ref reader, strings);
            }
            else if (reader.ValueTextEquals("prefix"u8))
            {
                reader.Read();
                prefix = strings.Get(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = reader.GetString();
            }
            else if (reader.ValueTextEquals("rcp"u8))
            {
                reader.Read();
                rcp = reader.GetBoolean();
            }
            else
            {
                reader.Skip();
            }
        }

        // Properties arrive sorted, so the prefix comes after the actions: build the objects now.
        string servicePrefix = prefix ?? throw Missing("service prefix");
        return BuildService(servicePrefix, name ?? servicePrefix, rcp, actions, types, keys);
    }

    private static RawAction ReadAction(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartObject);
        var action = new RawAction();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                action.Name = reader.GetString();
            }
            else if (reader.ValueTextEquals("accessLevel"u8))
            {
                reader.Read();
                action.Level = ParseAccessLevel(strings.Get(ref reader));
            }
            else if (reader.ValueTextEquals("resourceTypes"u8))
            {
                reader.Read();
                Require(ref reader, JsonTokenType.StartArray);
                action.Types = [];
                while (NextElement(ref reader))
                {
                    action.Types.Add(ReadActionResourceType(ref reader, strings));
                }
            }
            else if (!TryReadKeyLists(ref reader, strings, ref action.Keys, ref action.Dependent))
            {
                reader.Skip();
            }
        }

        return action;
    }

    private static RawActionType ReadActionResourceType(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartObject);
        var type = new RawActionType();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                type.Name = strings.Get(ref reader);
            }
            else if (reader.ValueTextEquals("required"u8))
            {
                reader.Read();
                type.Required = reader.GetBoolean();
            }
            else if (!TryReadKeyLists(ref reader, strings, ref type.Keys, ref type.Dependent))
            {
                reader.Skip();
            }
        }

        return type;
    }

    private static (string Name, string Arn, ImmutableArray<string> Keys) ReadResourceType(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartObject);
        string? name = null, arn = null;
        ImmutableArray<string> keys = [], unused = [];
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = strings.Get(ref reader);
            }
            else if (reader.ValueTextEquals("arn"u8))
            {
                reader.Read();
                arn = reader.GetString();
            }
            else if (!TryReadKeyLists(ref reader, strings, ref keys, ref unused))
            {
                reader.Skip();
            }
        }

        return (name ?? throw Missing("resource type name"), arn ?? throw Missing("resource type arn"), keys);
    }

    // Reads "conditionKeys" or "dependentActions" when the reader is on one of those property names.
    private static bool TryReadKeyLists(ref Utf8JsonReader reader, StringPool strings,
        ref ImmutableArray<string> conditionKeys, ref ImmutableArray<string> dependentActions)
    {
        if (reader.ValueTextEquals("conditionKeys"u8))
        {
            reader.Read();
            conditionKeys = ReadStrings(ref reader, strings);
            return true;
        }

        if (reader.ValueTextEquals("dependentActions"u8))
        {
            reader.Read();
            dependentActions = ReadStrings(ref reader, strings);
            return true;
        }

        return false;
    }
}
