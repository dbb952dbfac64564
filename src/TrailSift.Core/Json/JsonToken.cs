namespace TrailSift.Core.Json;

/// <summary>One entry of the flat token table of a record; see <see cref="RecordIndex"/>.</summary>
/// <remarks>
/// Tokens are stored in document order. An object's children are (name, value) pairs; an array's are
/// values. <see cref="Next"/> is the index of the first token after this value's subtree, so siblings
/// are walked without visiting descendants. For strings and property names, <see cref="Start"/> and
/// <see cref="Length"/> cover the raw (still escaped) content between the quotes; for numbers and
/// literals the raw text; for containers the bytes from the opening to the closing bracket.
/// 16 bytes: the kind, the two flags and the child count share one integer (a record of at most 64 MiB has
/// fewer than 2^25 children in a container; <see cref="MaxChildCount"/> is 2^26 − 1).
/// </remarks>
internal struct JsonToken
{
    /// <summary>The largest child count a token can hold.</summary>
    public const int MaxChildCount = (1 << 26) - 1;

    private const int KindMask = 0xF;
    private const int PropertyNameBit = 1 << 4;
    private const int EscapesBit = 1 << 5;
    private const int ChildShift = 6;

    public int Start;
    public int Length;
    public int Next;
    private int _info; // bits 0-3 kind, 4 property name, 5 escapes, 6-31 child count

    public readonly JsonKind Kind => (JsonKind)(_info & KindMask);

    public readonly bool IsPropertyName => (_info & PropertyNameBit) != 0;

    public readonly bool HasEscapes => (_info & EscapesBit) != 0;

    public readonly int ChildCount => (int)((uint)_info >> ChildShift);

    /// <summary>Sets every field of a token without children.</summary>
    public void Set(JsonKind kind, bool propertyName, bool escaped, int start, int length, int next)
    {
        Start = start;
        Length = length;
        Next = next;
        _info = (int)kind | (propertyName ? PropertyNameBit : 0) | (escaped ? EscapesBit : 0);
    }

    /// <summary>Counts one more child.</summary>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxChildCount"/> children.</exception>
    public void AddChild()
    {
        if (ChildCount == MaxChildCount)
        {
            throw new InvalidOperationException($"A JSON container has more than {MaxChildCount} elements.");
        }

        _info += 1 << ChildShift;
    }
}
