using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TrailSift.Core.Json;

/*! Json/RecordIndex: a reusable flat token table over the UTF-8 bytes of one JSON record, the
    hot-path substitute for JsonDocument (which allocates per document). Owned by one scan worker;
    rebuilt for every record; pooled arrays returned in Dispose. Depends on the BCL only. */

/// <summary>A flat, reusable token table of one JSON value (normally one CloudTrail record).</summary>
/// <remarks>Mutable and not thread-safe: each scan worker owns one and rebuilds it per record.</remarks>
public sealed class RecordIndex : IDisposable
{
    private const int InitialCapacity = 512;

    // Token tables longer than this (a record of several MB) are allocated outside the pool and dropped by Trim, so a
    // huge record's table is freed after it rather than kept by the worker or the shared pool.
    private const int PooledTokens = 1 << 18;

    // Values from this size on are counted before they are indexed (below it, no table can leave the pool).
    private const int CountFirstBytes = 2 * PooledTokens;

    /// <summary>Bytes of one token in the table.</summary>
    internal static readonly int TokenBytes = Unsafe.SizeOf<JsonToken>();

    private static readonly JsonReaderOptions BuildOptions = new() { MaxDepth = 256 };
    private JsonToken[] _tokens;
    private int[] _openStack;
    private int _count;
    private int _depth;

    /// <summary>Creates an empty index with pooled storage.</summary>
    public RecordIndex()
    {
        _tokens = ArrayPool<JsonToken>.Shared.Rent(InitialCapacity);
        _openStack = ArrayPool<int>.Shared.Rent(64);
    }

    /// <summary>
    /// Told the bytes of a token table about to be allocated outside the pool (a huge record's), before it is; the scan
    /// reserves them in its memory budget (and may wait there). Null: nothing is told.
    /// </summary>
    internal Action<long>? ReserveTable { get; set; }

    /// <summary>Number of tokens in the table.</summary>
    public int Count => _count;

    /// <summary>Changes whenever the table is emptied to describe another value (what was derived from it is stale).</summary>
    internal long Version { get; private set; }

    internal ref JsonToken this[int index] => ref _tokens[index];

    /// <summary>Forgets all tokens so the index can describe the next record.</summary>
    public void Reset()
    {
        Version++;
        _count = 0;
        _depth = 0;
    }

    /// <summary>
    /// Appends the token the reader is positioned on. <paramref name="baseOffset"/> is added to the
    /// reader's <see cref="Utf8JsonReader.TokenStartIndex"/> to make offsets relative to the record start.
    /// </summary>
    /// <returns><c>true</c> when this token closed the value the index was started on.</returns>
    internal bool Append(ref Utf8JsonReader reader, long baseOffset)
    {
        int start = checked((int)(reader.TokenStartIndex + baseOffset));
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Open(JsonKind.Object, start);
                return false;
            case JsonTokenType.StartArray:
                Open(JsonKind.Array, start);
                return false;
            case JsonTokenType.EndObject:
            case JsonTokenType.EndArray:
                return Close(start);
            case JsonTokenType.PropertyName:
                AddName(start + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
                return false;
            case JsonTokenType.String:
                return AddScalar(JsonKind.String, start + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
            case JsonTokenType.Number:
                return AddScalar(JsonKind.Number, start, reader.ValueSpan.Length, false);
            case JsonTokenType.True:
                return AddScalar(JsonKind.True, start, 4, false);
            case JsonTokenType.False:
                return AddScalar(JsonKind.False, start, 5, false);
            case JsonTokenType.Null:
                return AddScalar(JsonKind.Null, start, 4, false);
            default:
                return false; // comments are disabled; nothing else reaches here
        }
    }

    /// <summary>Adds an object or array opening at <paramref name="start"/> (its bracket).</summary>
    internal void Open(JsonKind kind, int start) => Push(Add(kind, start, 0, false));

    /// <summary>Closes the innermost open container at its bracket <paramref name="end"/>.</summary>
    /// <returns><c>true</c> when this closed the value the index was started on.</returns>
    internal bool Close(int end)
    {
        int open = _openStack[--_depth];
        ref JsonToken t = ref _tokens[open];
        t.Length = end + 1 - t.Start;
        t.Next = _count;
        CountChild();
        return _depth == 0;
    }

    /// <summary>Adds a property name (its raw bytes between the quotes); its value comes next and the name is no child.</summary>
    internal void AddName(int start, int length, bool escaped) => Add(JsonKind.String, start, length, escaped, propertyName: true);

    /// <summary>Adds a string (raw bytes between the quotes), number or literal.</summary>
    /// <returns><c>true</c> when this scalar is the whole value the index was started on.</returns>
    internal bool AddScalar(JsonKind kind, int start, int length, bool escaped)
    {
        Add(kind, start, length, escaped);
        CountChild();
        return _depth == 0;
    }

    /// <summary>Builds the index of a complete JSON value held in <paramref name="utf8"/>.</summary>
    /// <exception cref="JsonException">The bytes are not one valid JSON value.</exception>
    public void Build(ReadOnlySpan<byte> utf8)
    {
        Reset();
        if (utf8.Length >= CountFirstBytes)
        {
            // A value this large may need a table beyond the pool: count its tokens first and allocate the table once,
            // at its exact size, rather than doubling it (which costs up to 3x the final table while copying).
            EnsureTokens(CountTokens(utf8));
        }

        var reader = new Utf8JsonReader(utf8, BuildOptions);
        while (reader.Read())
        {
            if (Append(ref reader, 0))
            {
                break;
            }
        }
    }

    // Tokens Build will add for the value at the start of utf8 (the same reader, so the same errors).
    private static int CountTokens(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, BuildOptions);
        int count = 0;
        while (reader.Read())
        {
            JsonTokenType t = reader.TokenType;
            if (t is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                count++;
            }

            if (reader.CurrentDepth == 0 && t is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                break;
            }
        }

        return count;
    }

    private void EnsureTokens(int count)
    {
        if (count > _tokens.Length)
        {
            ReplaceTokens(count, keep: 0);
        }
    }

    private void CountChild()
    {
        if (_depth > 0)
        {
            _tokens[_openStack[_depth - 1]].AddChild();
        }
    }

    // Adds a token; a scalar's Next is the token after it, a container's is set when it closes.
    private int Add(JsonKind kind, int start, int length, bool escaped, bool propertyName = false)
    {
        if (_count == _tokens.Length)
        {
            GrowTokens(_tokens.Length * 2);
        }

        _tokens[_count].Set(kind, propertyName, escaped, start, length, _count + 1);
        return _count++;
    }

    private void Push(int tokenIndex)
    {
        if (_depth == _openStack.Length)
        {
            Grow(ref _openStack);
        }

        _openStack[_depth++] = tokenIndex;
    }

    private void GrowTokens(int size) => ReplaceTokens(size, keep: _count);

    // A table of at least `size` tokens holding the first `keep` of the current one. Beyond the pool the table is
    // allocated at exactly that size, after ReserveTable was told its bytes and those of the table being copied.
    private void ReplaceTokens(int size, int keep)
    {
        JsonToken[] bigger;
        if (size <= PooledTokens)
        {
            bigger = ArrayPool<JsonToken>.Shared.Rent(size);
        }
        else
        {
            ReserveTable?.Invoke((size + (long)(keep > 0 ? _tokens.Length : 0)) * TokenBytes);
            bigger = GC.AllocateUninitializedArray<JsonToken>(size);
        }

        Array.Copy(_tokens, bigger, keep);
        Return(_tokens);
        _tokens = bigger;
    }

    private static void Grow<T>(ref T[] array)
    {
        int size = array.Length * 2;
        T[] bigger = size <= PooledTokens ? ArrayPool<T>.Shared.Rent(size) : new T[size];
        Array.Copy(array, bigger, array.Length);
        Return(array);
        array = bigger;
    }

    private static void Return<T>(T[] array)
    {
        if (array.Length <= PooledTokens)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }

    /// <summary>
    /// Forgets all tokens and, after a huge record, gives its table back to the garbage collector (the next record
    /// starts from a small pooled one).
    /// </summary>
    internal void Trim()
    {
        Reset();
        if (_tokens.Length > PooledTokens)
        {
            _tokens = ArrayPool<JsonToken>.Shared.Rent(InitialCapacity);
        }

        if (_openStack.Length > PooledTokens)
        {
            _openStack = ArrayPool<int>.Shared.Rent(64);
        }
    }

    /// <summary>Returns the pooled storage.</summary>
    public void Dispose()
    {
        if (_tokens.Length > 0)
        {
            Return(_tokens);
            Return(_openStack);
            _tokens = [];
            _openStack = [];
        }
    }
}
