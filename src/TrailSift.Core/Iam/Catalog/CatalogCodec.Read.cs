using System.Collections.Immutable;
using System.Text.Json;

namespace TrailSift.Core.Iam.Catalog;

// Reading: one forward pass of Utf8JsonReader (about twice as fast as JsonDocument here); names that repeat
// thousands of times (condition keys, resource types, access levels) are shared through a StringPool.
internal static partial class CatalogCodec
{
    /// <summary>Reads a catalog file. Throws <see cref="InvalidDataException"/> (or a JSON exception) on malformed data.</summary>
    public static CatalogFile Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var strings = new StringPool();
        var file = new CatalogFile();
        reader.Read();
        Require(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("formatVersion"u8))
            {
                reader.Read();
                file.FormatVersion = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                file.Source = ReadSource(ref reader);
            }
            else if (reader.ValueTextEquals("globalConditionKeys"u8))
            {
                reader.Read();
                ReadKeys(ref reader, strings, file.GlobalConditionKeys);
            }
            else if (reader.ValueTextEquals("conditionPatterns"u8))
            {
                reader.Read();
                ReadPatterns(ref reader, strings, file.ConditionPatterns);
            }
            else if (reader.ValueTextEquals("services"u8))
            {
                reader.Read();
                ReadList(ref reader, strings, file.Services, ReadService);
            }
            else if (reader.ValueTextEquals("unassociatedConditions"u8))
            {
                reader.Read();
                Require(ref reader, JsonTokenType.StartObject);
                while (NextProperty(ref reader))
                {
                    string prefix = reader.GetString()!;
                    reader.Read();
                    file.UnassociatedConditions.Add(new(prefix, ReadStrings(ref reader, strings)));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return file;
    }

    private static CatalogFileSource ReadSource(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.StartObject);
        string? package = null, version = null, updatedAt = null;
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
                updatedAt = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return new CatalogFileSource(package ?? throw Missing("source.package"), version ?? throw Missing("source.version"), updatedAt);
    }

    private static CatalogService ReadService(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartObject);
        var service = new CatalogService();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("actions"u8))
            {
                reader.Read();
                ReadList(ref reader, strings, service.Actions, ReadAction);
            }
            else if (reader.ValueTextEquals("resourceTypes"u8))
            {
                reader.Read();
                ReadList(ref reader, strings, service.ResourceTypes, ReadResourceType);
            }
            else if (reader.ValueTextEquals("conditionKeys"u8))
            {
                reader.Read();
                ReadKeys(ref reader, strings, service.ConditionKeys);
            }
            else if (reader.ValueTextEquals("prefix"u8))
            {
                reader.Read();
                service.Prefix = strings.Get(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                service.Name = reader.GetString();
            }
            else if (reader.ValueTextEquals("rcp"u8))
            {
                reader.Read();
                service.Rcp = reader.GetBoolean();
            }
            else
            {
                reader.Skip();
            }
        }

        _ = service.Prefix ?? throw Missing("service prefix");
        return service;
    }

    private static CatalogAction ReadAction(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartObject);
        var action = new CatalogAction();
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
                action.AccessLevel = strings.Get(ref reader);
            }
            else if (reader.ValueTextEquals("resourceTypes"u8))
            {
                reader.Read();
                action.ResourceTypes = [];
                ReadList(ref reader, strings, action.ResourceTypes, ReadActionResourceType);
            }
            else if (!TryReadKeyLists(ref reader, strings, ref action.ConditionKeys, ref action.DependentActions))
            {
                reader.Skip();
            }
        }

        return action;
    }

    private static CatalogActionResourceType ReadActionResourceType(ref Utf8JsonReader reader, StringPool strings)
    {
        Require(ref reader, JsonTokenType.StartObject);
        var type = new CatalogActionResourceType();
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
            else if (!TryReadKeyLists(ref reader, strings, ref type.ConditionKeys, ref type.DependentActions))
            {
                reader.Skip();
            }
        }

        return type;
    }

    private static CatalogResourceType ReadResourceType(ref Utf8JsonReader reader, StringPool strings)
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

        return new CatalogResourceType(name ?? throw Missing("resource type name"), arn ?? throw Missing("resource type arn"), keys);
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

    private delegate T ItemReader<T>(ref Utf8JsonReader reader, StringPool strings);

    // An array, each element read by item into the list.
    private static void ReadList<T>(ref Utf8JsonReader reader, StringPool strings, List<T> into, ItemReader<T> item)
    {
        Require(ref reader, JsonTokenType.StartArray);
        while (NextElement(ref reader))
        {
            into.Add(item(ref reader, strings));
        }
    }

    private static void ReadKeys(ref Utf8JsonReader reader, StringPool strings, List<CatalogKey> keys)
    {
        Require(ref reader, JsonTokenType.StartArray);
        while (NextElement(ref reader))
        {
            Require(ref reader, JsonTokenType.StartObject);
            string? key = null, type = null;
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
                    type = strings.Get(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            keys.Add(new CatalogKey(key ?? throw Missing("condition key"), type ?? throw Missing($"type of {key}")));
        }
    }

    private static void ReadPatterns(ref Utf8JsonReader reader, StringPool strings, List<CatalogPattern> patterns)
    {
        Require(ref reader, JsonTokenType.StartArray);
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

            patterns.Add(new CatalogPattern(key ?? throw Missing("pattern key"), prefix ?? throw Missing("pattern prefix"),
                service ?? throw Missing("pattern service"), suffix ?? string.Empty));
        }
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
