
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
