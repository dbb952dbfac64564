using System.Runtime.CompilerServices;
using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>
/// A jq value during evaluation: either a view of a value inside the record (<see cref="JsonNode"/>,
/// no copying), or a computed value (a number, a UTF-8 string, an array), or an error marker.
/// </summary>
/// <remarks>Immutable struct; thread-safe, but node-backed values are valid only during the callback.</remarks>
internal readonly struct Value
{
    private readonly double _number;
    private readonly object? _payload; // byte[] UTF-8 strings, Value[] arrays, ObjectPayload objects, string errors

    private Value(JsonKind kind, JsonNode node, bool isNode, double number, object? payload)
    {
        Kind = kind;
        Node = node;
        IsNode = isNode;
        _number = number;
        _payload = payload;
    }

    /// <summary>The value's kind; <see cref="JsonKind.Undefined"/> marks an error (see <see cref="IsError"/>).</summary>
    public JsonKind Kind { get; }

    /// <summary>The record value behind this one, when <see cref="IsNode"/>.</summary>
    public JsonNode Node { get; }

    /// <summary>True when the value is a view of the record.</summary>
    public bool IsNode { get; }

    public static Value Null => new(JsonKind.Null, default, false, 0, null);

    public static Value True => new(JsonKind.True, default, false, 0, null);

    public static Value False => new(JsonKind.False, default, false, 0, null);

    public bool IsError => Kind == JsonKind.Undefined;

    /// <summary>jq truthiness: everything but <c>false</c> and <c>null</c>.</summary>
    public bool IsTruthy => Kind > JsonKind.False;

    /// <summary>The reason of an error value.</summary>
    public string ErrorMessage => _payload as string ?? string.Empty;

    /// <summary>The elements of a computed array.</summary>
    public Value[]? ComputedArray => _payload as Value[];

    /// <summary>The properties of a computed object.</summary>
    public ObjectPayload? ComputedObject => _payload as ObjectPayload;

    /// <summary>The UTF-8 bytes of a computed string.</summary>
    public byte[]? ComputedString => _payload as byte[];

    /// <summary>A view of a record value; a missing value reads as <c>null</c>, as in jq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value FromNode(JsonNode node)
    {
        JsonKind kind = node.Kind;
        return kind == JsonKind.Undefined ? Null : new Value(kind, node, true, 0, null);
    }

    public static Value Bool(bool value) => value ? True : False;

    public static Value Number(double value) => new(JsonKind.Number, default, false, value, null);

    public static Value String(byte[] utf8) => new(JsonKind.String, default, false, 0, utf8);

    public static Value String(string text) => String(Encoding.UTF8.GetBytes(text));

    public static Value Array(Value[] elements) => new(JsonKind.Array, default, false, 0, elements);

    public static Value Object(ObjectPayload properties) => new(JsonKind.Object, default, false, 0, properties);

    /// <summary>An error; the message is kept for diagnostics only (a failing record is simply not selected).</summary>
    public static Value Error(string message) => new(JsonKind.Undefined, default, false, 0, message);

    /// <summary>The number (parsed from the record when node-backed).</summary>
    public double AsNumber => IsNode ? Node.GetDouble() : _number;

    /// <summary>Number of elements of an array or distinct keys of an object.</summary>
    public int Count => IsNode ? Node.ChildCount : ComputedArray?.Length ?? ComputedObject?.Count ?? 0;

    /// <summary>jq's name of the value's type.</summary>
    public string TypeName => TypeNameOf(Kind);

    public static string TypeNameOf(JsonKind kind) => kind switch
    {
        JsonKind.Null => "null",
        JsonKind.False or JsonKind.True => "boolean",
        JsonKind.Number => "number",
        JsonKind.String => "string",
        JsonKind.Array => "array",
        JsonKind.Object => "object",
        _ => "error",
    };

    /// <summary>Decodes a string value to .NET text (allocates; for regexes and messages).</summary>
    public string GetString() => IsNode ? Node.GetString() : Encoding.UTF8.GetString(ComputedString!);

    /// <summary>The array element at <paramref name="index"/> (negative from the end), or null when out of range.</summary>
    public Value ElementAt(int index)
    {
        if (IsNode)
        {
            JsonNode n = Node.GetElement(index);
            return FromNode(n);
        }

        Value[] items = ComputedArray!;
        if (index < 0)
        {
            index += items.Length;
        }

        return index >= 0 && index < items.Length ? items[index] : Null;
    }

    /// <summary>An object's property by UTF-8 name; null when absent.</summary>
    public Value Property(ReadOnlySpan<byte> utf8Name)
    {
        if (IsNode)
        {
            return FromNode(Node.GetProperty(utf8Name));
        }

        ObjectPayload? o = ComputedObject;
        int i = o is null ? -1 : o.IndexOf(utf8Name);
        return i < 0 ? Null : o!.Values[i];
    }

    /// <summary>True when an object has the property (missing and present-but-null differ here).</summary>
    public bool HasProperty(ReadOnlySpan<byte> utf8Name) => IsNode
        ? Node.GetProperty(utf8Name).Kind != JsonKind.Undefined
        : ComputedObject is ObjectPayload o && o.IndexOf(utf8Name) >= 0;
}
