using System.Text;
using System.Text.Json;

namespace TrailSift.Core.Iam.Policy.Internal;

/*! Iam/Policy/Internal: a JSON tree with byte offsets for precise policy diagnostics, and the typed condition
    value parsers (numbers, dates, booleans, CIDR blocks, base-64) shared with the evaluator. BCL only. */

/// <summary>Kinds of <see cref="JsonTreeNode"/>.</summary>
internal enum JsonTreeKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// A small JSON tree that remembers the byte offset of every value and keeps duplicate property names,
/// so the policy parser can report precise diagnostics. Policies are tiny, so a tree is cheap.
/// Immutable once built.
/// </summary>
internal sealed class JsonTreeNode
{
    private static readonly List<KeyValuePair<string, JsonTreeNode>> NoProperties = [];
    private static readonly List<JsonTreeNode> NoItems = [];

    public JsonTreeNode(JsonTreeKind kind, long offset, string? text = null,
        List<JsonTreeNode>? items = null, List<KeyValuePair<string, JsonTreeNode>>? properties = null,
        List<long>? propertyOffsets = null)
    {
        Kind = kind;
        Offset = offset;
        Text = text;
        Items = items ?? NoItems;
        Properties = properties ?? NoProperties;
        PropertyOffsets = propertyOffsets ?? [];
    }

    public JsonTreeKind Kind { get; }

    /// <summary>Byte offset of the value's first token in the parsed UTF-8 text.</summary>
    public long Offset { get; }

    /// <summary>String content, or the raw number text.</summary>
    public string? Text { get; }

    public List<JsonTreeNode> Items { get; }

    public List<KeyValuePair<string, JsonTreeNode>> Properties { get; }

    /// <summary>Byte offset of each property name, parallel to <see cref="Properties"/>.</summary>
    public List<long> PropertyOffsets { get; }

    public string KindName => Kind switch
    {
        JsonTreeKind.Null => "null",
        JsonTreeKind.False or JsonTreeKind.True => "a boolean",
        JsonTreeKind.Number => "a number",
        JsonTreeKind.String => "a string",
        JsonTreeKind.Array => "an array",
        _ => "an object",
    };
}

/// <summary>Builds a <see cref="JsonTreeNode"/> from UTF-8 JSON; returns an error message instead of throwing.</summary>
internal static class JsonTreeReader
{
    private const int MaxDepth = 64;

    public static JsonTreeNode? Read(ReadOnlySpan<byte> utf8, out string? error, out long errorOffset)
    {
        error = null;
        errorOffset = 0;
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth, AllowMultipleValues = true };
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            if (!reader.Read())
            {
                error = "the document is empty";
                return null;
            }

            JsonTreeNode root = ReadValue(ref reader);
            if (reader.Read())
            {
                error = "unexpected data after the end of the document";
                errorOffset = reader.TokenStartIndex;
                return null;
            }

            return root;
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + TrimMessage(ex.Message);
            errorOffset = reader.BytesConsumed;
            return null;
        }
    }

    private static string TrimMessage(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
    }

    private static JsonTreeNode ReadValue(ref Utf8JsonReader reader)
    {
        long offset = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return new JsonTreeNode(JsonTreeKind.Null, offset);
            case JsonTokenType.True:
                return new JsonTreeNode(JsonTreeKind.True, offset);
            case JsonTokenType.False:
                return new JsonTreeNode(JsonTreeKind.False, offset);
            case JsonTokenType.Number:
                return new JsonTreeNode(JsonTreeKind.Number, offset, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.String:
                return new JsonTreeNode(JsonTreeKind.String, offset, reader.GetString());
            case JsonTokenType.StartArray:
            {
                var items = new List<JsonTreeNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return new JsonTreeNode(JsonTreeKind.Array, offset, items: items);
            }

            default:
            {
                var properties = new List<KeyValuePair<string, JsonTreeNode>>();
                var offsets = new List<long>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    long nameOffset = reader.TokenStartIndex;
                    string name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new KeyValuePair<string, JsonTreeNode>(name, ReadValue(ref reader)));
                    offsets.Add(nameOffset);
                }

                return new JsonTreeNode(JsonTreeKind.Object, offset, properties: properties, propertyOffsets: offsets);
            }
        }
    }
}
