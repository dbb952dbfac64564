namespace TrailSift.Core.Json;

/// <summary>The kind of a JSON value in a <see cref="RecordIndex"/>, ordered as jq orders types.</summary>
/// <remarks>Immutable enum; thread-safe.</remarks>
public enum JsonKind : byte
{
    /// <summary>No value: a missing property or an index out of range (jq turns it into <c>null</c>).</summary>
    Undefined = 0,
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}
