namespace TrailSift.Core.Events;

/// <summary>One entry of the flat token table of a record; see <see cref="RecordIndex"/>.</summary>
/// <remarks>
/// Tokens are stored in document order. An object's children are (name, value) pairs; an array's are
/// values. <see cref="Next"/> is the index of the first token after this value's subtree, so siblings
/// are walked without visiting descendants. For strings and property names, <see cref="Start"/> and
/// <see cref="Length"/> cover the raw (still escaped) content between the quotes; for numbers and
/// literals the raw text; for containers the bytes from the opening to the closing bracket.
/// </remarks>
internal struct JsonToken
{
    public JsonKind Kind;
    public bool IsPropertyName;
    public bool HasEscapes;
    public int Start;
    public int Length;
    public int Next;
    public int ChildCount;
}
