using System.Collections.Immutable;
using System.Text.Json;

namespace TrailSift.Core.Iam.Catalog;

// Loading, continued: small readers, raw records, and turning raw records into the immutable model.
public sealed partial class IamCatalog
{
    private static List<RawKey> ReadKeys(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartArray);
        var keys = new List<RawKey>();
        while (NextElement(ref reader))
        {
            Require(ref reader, JsonTokenType.StartObject);
            string? key = null;
            ConditionKeyType? type = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("key"u8))
                {
                    reader.Read();
                    key = strings.Get(ref reader);
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = ParseType(strings.Get(ref reader));
                }
                else
                {
                    reader.Skip();
                }
            }

            keys.Add(new RawKey(key ?? throw Missing("condition key"), type ?? throw Missing($"type of {key}")));
        }

        return keys;
    }

    private static List<(string Key, string Prefix, string Service, string Suffix)> ReadPatterns(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartArray);
        var patterns = new List<(string, string, string, string)>();
        while (NextElement(ref reader))
        {
            Require(ref reader, JsonTokenType.StartObject);
            string? key = null, prefix = null, service = null, suffix = null;
            while (NextProperty(ref reader))
            {
                bool isKey = reader.ValueTextEquals("key"u8), isPrefix = reader.ValueTextEquals("prefix"u8);
                bool isService = reader.ValueTextEquals("service"u8), isSuffix = reader.ValueTextEquals("suffix"u8);
                reader.Read();
                string? value = isKey || isPrefix || isService || isSuffix ? strings.Get(ref reader) : null;
                if (value is null)
                {
                    reader.Skip();
                }

                key = isKey ? value : key;
                prefix = isPrefix ? value : prefix;
                service = isService ? value : service;
                suffix = isSuffix ? value : suffix;
            }

            patterns.Add((key ?? throw Missing("pattern key"), prefix ?? throw Missing("pattern prefix"),
                service ?? throw Missing("pattern service"), suffix ?? string.Empty));
        }

        return patterns;
    }

    private static ImmutableArray<string> ReadStrings(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartArray);
        var values = ImmutableArray.CreateBuilder<string>();
        while (NextElement(ref reader))
        {
            values.Add(strings.Get(ref reader));
        }

        return values.DrainToImmutable();
    }

    private static ServiceInfo BuildService(string prefix, string name, bool rcp, List<RawAction> rawActions,
        List<(string Name, string Arn, ImmutableArray<string> Keys)> rawTypes, List<RawKey> rawKeys)
    {
        var types = ImmutableArray.CreateBuilder<ResourceTypeInfo>(rawTypes.Count);
        var byName = new Dictionary<string, ResourceTypeInfo>(rawTypes.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (typeName, arn, keys) in rawTypes)
        {
            var type = new ResourceTypeInfo(prefix, typeName, ArnTemplate.Parse(arn), keys);
            types.Add(type);
            byName.TryAdd(typeName, type);
        }

        var actions = ImmutableArray.CreateBuilder<ActionInfo>(rawActions.Count);
        foreach (RawAction raw in rawActions)
        {
            ImmutableArray<ActionResourceType> actionTypes = [];
            if (raw.Types is { Count: > 0 })
            {
                var builder = ImmutableArray.CreateBuilder<ActionResourceType>(raw.Types.Count);
                foreach (RawActionType t in raw.Types)
                {
                    string typeName = t.Name ?? throw Missing("action resource type name");
                    builder.Add(new ActionResourceType(typeName, t.Required, byName.GetValueOrDefault(typeName), t.Keys, t.Dependent));
                }

                actionTypes = builder.MoveToImmutable();
            }

            actions.Add(new ActionInfo(prefix, raw.Name ?? throw Missing("action name"), raw.Level, actionTypes, raw.Keys, raw.Dependent));
        }

        return new ServiceInfo(prefix, name, rcp, actions.MoveToImmutable(), types.MoveToImmutable(), BuildKeys(rawKeys, prefix));
    }

    private static ImmutableArray<ConditionKeyInfo> BuildKeys(List<RawKey> raw, string prefix)
    {
        var keys = ImmutableArray.CreateBuilder<ConditionKeyInfo>(raw.Count);
        foreach (RawKey key in raw)
        {
            keys.Add(new ConditionKeyInfo(prefix, key.Key, key.Type));
        }

        return keys.MoveToImmutable();
    }

    private static ImmutableArray<ConditionKeyPattern> ResolvePatterns(
        List<(string Key, string Prefix, string Service, string Suffix)> raw,
        ImmutableArray<ServiceInfo> services, ImmutableArray<ConditionKeyInfo> globalKeys)
    {
        var owners = new Dictionary<string, ServiceInfo>(services.Length, StringComparer.OrdinalIgnoreCase);
        foreach (ServiceInfo service in services)
        {
            owners.TryAdd(service.Prefix, service);
        }

        var patterns = new List<ConditionKeyPattern>(raw.Count);
        foreach (var (key, prefix, service, suffix) in raw)
        {
            ConditionKeyInfo? info = null;
            bool known = service == GlobalPrefix
                ? TryFindGlobal(globalKeys, key, out info)
                : owners.TryGetValue(service, out ServiceInfo? owner) && owner.TryGetConditionKey(key, out info);
            if (!known)
            {
                throw new InvalidDataException($"Condition pattern for '{key}' names a key that '{service}' does not have.");
            }

            patterns.Add(new ConditionKeyPattern(prefix, suffix, info!));
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

    // On a property name: true. On the end of the object: false.
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName
            || (reader.TokenType == JsonTokenType.EndObject ? false : throw Unexpected(ref reader, JsonTokenType.PropertyName));
    }

    // On the first token of the next element: true. On the end of the array: false.
    private static bool NextElement(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    private static void Require(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw Unexpected(ref reader, expected);
        }
    }

    private static InvalidDataException Unexpected(ref Utf8JsonReader reader, JsonTokenType expected) =>
        new($"IAM catalog: expected {expected} at byte {reader.TokenStartIndex}, found {reader.TokenType}.");

    private static InvalidDataException Missing(string what) => new($"IAM catalog: missing {what}.");

    private readonly record struct RawKey(string Key, ConditionKeyType Type);

    private sealed class RawAction
    {
        public string? Name;
        public AccessLevel Level;
        public ImmutableArray<string> Keys = [];
        public ImmutableArray<string> Dependent = [];
        public List<RawActionType>? Types;
    }

    private sealed class RawActionType
    {
        public string? Name;
        public bool Required;
        public ImmutableArray<string> Keys = [];
        public ImmutableArray<string> Dependent = [];
    }

    // Condition keys and resource-type names repeat thousands of times: decode into a scratch buffer and share
    // one string per spelling, allocating only for the first.
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
        private char[] _buffer = new char[256];

        public StringPool() => _bySpan = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ref Utf8JsonReader reader)
        {
            Require(ref reader, JsonTokenType.String);
            int bytes = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            if (_buffer.Length < bytes)
            {
                _buffer = new char[bytes * 2];
            }

            ReadOnlySpan<char> text = _buffer.AsSpan(0, reader.CopyString(_buffer));
            if (_bySpan.TryGetValue(text, out string? shared))
            {
                return shared;
            }

            string created = text.ToString();
            _pool.Add(created, created);
            return created;
        }
    }
}
