namespace TrailSift.Core.Json;

/*! Json: the JSON node model at the bottom of Core, below Events and Iam/Policy: UTF-8 text with a flat token
    table (RecordIndex, JsonToken), the JsonNode view over it, JsonNodeWriter, and StrictJsonReader (indexes small
    documents such as policies and names every syntax error in words). Depends on the BCL only. */

/// <summary>
/// UTF-8 JSON text and its token index, which <see cref="JsonNode"/>s point into. An event record is one (a scan
/// worker reuses it for every event); <see cref="StrictJsonReader"/> makes one for a small document such as a policy.
/// </summary>
/// <remarks>Mutable; owned by one thread at a time.</remarks>
public class IndexedJson : IDisposable
{
    private byte[] _buffer = [];
    private int _offset;
    private int _length;

    private readonly RecordIndex _index = new();
    private bool _indexPending;
    private RootNames? _rootNames;

    /// <summary>The token index of <see cref="Utf8"/> (built now if the reader deferred it).</summary>
    public RecordIndex Index
    {
        get
        {
            if (_indexPending)
            {
                BuildPendingIndex();
            }

            return _index;
        }
    }

    /// <summary>The table of the root's property names, for texts that ask for it (<see cref="TableRootNames"/>); else null.</summary>
    internal RootNames? RootNames => _rootNames;

    /// <summary>True while the reader's deferred index has not been built (nothing has looked inside yet).</summary>
    internal bool IndexPending => _indexPending;

    /// <summary>The index the reader is filling token by token.</summary>
    internal RecordIndex IndexUnderConstruction => _index;

    /// <summary>The JSON text, exactly as read.</summary>
    public ReadOnlySpan<byte> Utf8 => _buffer.AsSpan(_offset, _length);

    /// <summary>The JSON text as memory (same lifetime rules as the instance).</summary>
    public ReadOnlyMemory<byte> Utf8Memory => _buffer.AsMemory(_offset, _length);

    /// <summary>The first (normally the only) value of the text.</summary>
    public JsonNode Root => Index.Count == 0 ? default : new JsonNode(this, 0);

    /// <summary>The value whose first token is <paramref name="token"/> (a root after the first: the previous root's <c>Next</c>).</summary>
    internal JsonNode NodeAt(int token) => new(this, token);

    // Out of line, so that the property (read on every node access) stays small enough to inline.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void BuildPendingIndex()
    {
        _indexPending = false;
        _index.Build(Utf8);
    }

    /// <summary>Drops the token index (the text is done); a huge table is freed rather than kept.</summary>
    internal void TrimIndex()
    {
        _indexPending = false;
        _index.Trim();
    }

    /// <summary>Points at new bytes; their tokens are already in <see cref="Index"/>, or built on first use when <paramref name="indexPending"/>.</summary>
    internal void SetText(byte[] buffer, int offset, int length, bool indexPending)
    {
        _buffer = buffer;
        _offset = offset;
        _length = length;
        _indexPending = indexPending;
    }

    /// <summary>
    /// Looks the root's properties up through a table of their names from now on (<see cref="RootNames"/>): for a text
    /// whose root fields are read many times each, by one thread (an event record).
    /// </summary>
    private protected void TableRootNames() => _rootNames = new RootNames();

    /// <summary>Returns the index's pooled storage.</summary>
    public void Dispose() => _index.Dispose();
}
