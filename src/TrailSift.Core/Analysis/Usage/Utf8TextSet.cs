using System.Buffers;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Distinct texts (resource ARNs) kept as UTF-8 bytes in shared chunks, each named by a number, the folder (up to the last
/// <c>/</c> before its end) kept once, in a set of its own that keeps each folder's parent once in turn (a few levels
/// deep): a third of the memory of the strings for S3 object keys, with no object per text or folder (12 bytes of
/// bookkeeping each: where it is and its hash, plus the hash slots). A text that is not valid
/// UTF-16 (a lone surrogate from a log), or longer than 16 MiB in UTF-8, is kept as the string itself, so
/// <see cref="Text(int)"/> always gives back exactly what was added.
/// </summary>
/// <remarks>Not thread-safe: one per principal and scan worker.</remarks>
internal sealed class Utf8TextSet
{
    // Chunks grow from small (most principals touch few resources) to this size, under the large object heap's threshold;
    // a longer text gets a chunk of its own. Where a text is: chunk << 40 | offset << 24 | length.
    private const int MaxChunk = 64 * 1024;
    private const int FirstChunk = 256;
    private const int StackLimit = 512;
    private const int MaxLength = (1 << 24) - 2;
    private const long Odd = (1 << 24) - 1;

    // A text is kept as its folder's number + 1 in _folders (3 bytes; 0: none) and the rest: object keys under one folder
    // share it. The folders' set is one level deeper; a set MaxDepth deep keeps whole texts.
    private const int PrefixBytes = 3;
    private const int MaxPrefixes = (1 << 24) - 1;
    private const int MaxDepth = 8;

    private readonly int _depth;
    private Utf8TextSet? _folders;

    // The text added last as a string and its number: a call's allowed request and its use add the same resource text
    // one after the other (texts are never removed, so the number stays right).
    private string? _lastText;
    private int _lastId;
    private readonly List<byte[]> _chunks = [];
    private readonly BlockList<long> _where = new();
    // Each text's hash (Hash of its whole UTF-8; 0 for an odd text, which has no slot): the slots grow without
    // rebuilding every text up its folders (4 bytes per text).
    private readonly BlockList<int> _hashes = new();
    private int _used;

    // Open addressing, at most 3/4 full (as UseTable's: a probe compares the slot's tag before any bytes): text number + 1
    // and a tag of the whole text's hash (SlotTags), 0 for an empty slot.
    private uint[] _slots = new uint[16];
    private Dictionary<int, string>? _odd;
    private Dictionary<string, int>? _oddIds;

    /// <summary>Creates an empty set.</summary>
    public Utf8TextSet()
        : this(depth: 0)
    {
    }

    private Utf8TextSet(int depth) => _depth = depth;

    /// <summary>How many distinct texts the set holds.</summary>
    public int Count => _where.Count;

    /// <summary>The number of <paramref name="text"/>, added when new.</summary>
    public int Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.Equals(text, _lastText, StringComparison.Ordinal))
        {
            return _lastId;
        }

        int id = AddText(text);
        (_lastText, _lastId) = (text, id);
        return id;
    }

    /// <summary>
    /// The number of the text <paramref name="other"/> numbers <paramref name="id"/>, added when new: the same as
    /// <c>Add(other.Text(id))</c>, but the usual text (valid, short) is copied as UTF-8, with no string made.
    /// </summary>
    public int Add(Utf8TextSet other, int id)
    {
        ArgumentNullException.ThrowIfNull(other);
        int length = other.Utf8Length(id);
        if (length < 0 || length > StackLimit)
        {
            return Add(other.Text(id));
        }

        Span<byte> utf8 = stackalloc byte[StackLimit];
        return AddUtf8(utf8[..other.CopyUtf8(id, utf8)]);
    }

    /// <summary>
    /// The text with number <paramref name="id"/>, made once per <paramref name="made"/> (indexed by number, at least
    /// <see cref="Count"/> long) when given: what one principal's uses and requests are built with shares the strings.
    /// </summary>
    public string Text(int id, string?[]? made) => made is null ? Text(id) : made[id] ??= Text(id);

    /// <summary>The text with number <paramref name="id"/> (a new string).</summary>
    public string Text(int id)
    {
        int length = Utf8Length(id);
        if (length < 0)
        {
            // An odd text, or a folder of it: as strings.
            if ((_where[id] & Odd) == Odd)
            {
                return _odd![id];
            }

            ReadOnlySpan<byte> bytes = Bytes(id);
            int prefix = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
            return _folders!.Text(prefix - 1) + Encoding.UTF8.GetString(bytes[PrefixBytes..]);
        }

        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackLimit];
            return Encoding.UTF8.GetString(utf8[..CopyUtf8(id, utf8)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // The UTF-8 length of text id with its folders, -1 when it or one of them is odd (kept as a string).
    private int Utf8Length(int id)
    {
        if ((_where[id] & Odd) == Odd)
        {
            return -1;
        }

        ReadOnlySpan<byte> bytes = Bytes(id);
        int prefix = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
        int folder = prefix == 0 ? 0 : _folders!.Utf8Length(prefix - 1);
        return folder < 0 ? -1 : folder + bytes.Length - PrefixBytes;
    }

    // Writes text id (folders first) as UTF-8; none of it odd. Returns the bytes written.
    private int CopyUtf8(int id, Span<byte> into)
    {
        ReadOnlySpan<byte> bytes = Bytes(id);
        int prefix = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
        int written = prefix == 0 ? 0 : _folders!.CopyUtf8(prefix - 1, into);
        bytes[PrefixBytes..].CopyTo(into[written..]);
        return written + bytes.Length - PrefixBytes;
    }

    // A text as its whole UTF-8 (odd when it is not valid UTF-16 or too long to keep).
    private int AddText(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > StackLimit ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackLimit];
            OperationStatus status = Utf8.FromUtf16(text, utf8, out _, out int written, replaceInvalidSequences: false);
            return status == OperationStatus.Done && written + PrefixBytes <= MaxLength ? AddUtf8(utf8[..written]) : AddOdd(text);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // The number of the text whose whole UTF-8 is utf8 (valid, short enough to keep), added when new. The slots hash the
    // whole text, not the bytes kept: a text is found with one lookup however many folders it is kept under, and its
    // folder is looked up (one level deeper, the same way) only when the text is new.
    private int AddUtf8(ReadOnlySpan<byte> utf8)
    {
        int hash = Hash(utf8);
        int mask = _slots.Length - 1;
        uint indexMask = SlotTags.IndexMask(_slots.Length);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            uint full = _slots[slot];
            if (full == 0)
            {
                // The folder: up to the last '/' before the end (a folder's parent, for a folder). A '/' byte is always
                // the character: UTF-8 never uses it inside another's bytes.
                int folder = _depth < MaxDepth && utf8.Length >= 2 ? utf8[..^1].LastIndexOf((byte)'/') + 1 : 0;
                int prefix = folder > 0 ? Prefix(utf8[..folder]) : 0;
                int id = _where.Add();
                _where[id] = Store(prefix, prefix > 0 ? utf8[folder..] : utf8);
                _hashes[_hashes.Add()] = hash;
                _slots[slot] = SlotTags.Slot(id, hash, indexMask);
                Grow();
                return id;
            }

            int found = SlotTags.Index(full, indexMask);
            if (SlotTags.MayHold(full, hash, indexMask) && Holds(found, utf8))
            {
                return found;
            }
        }
    }

    // The number + 1 of a folder (S3 keys sharing it), 0 once the folders are too many.
    private int Prefix(ReadOnlySpan<byte> folder)
    {
        _folders ??= new Utf8TextSet(_depth + 1);
        return _folders.Count < MaxPrefixes ? _folders.AddUtf8(folder) + 1 : 0;
    }

    // Text id is exactly utf8 (its kept bytes end it, its folders' make the rest), compared from the end up the folders.
    private bool Holds(int id, ReadOnlySpan<byte> utf8)
    {
        Utf8TextSet set = this;
        while (true)
        {
            if ((set._where[id] & Odd) == Odd)
            {
                return false;
            }

            ReadOnlySpan<byte> bytes = set.Bytes(id);
            ReadOnlySpan<byte> rest = bytes[PrefixBytes..];
            if (rest.Length > utf8.Length || !utf8[^rest.Length..].SequenceEqual(rest))
            {
                return false;
            }

            utf8 = utf8[..^rest.Length];
            int prefix = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
            if (prefix == 0)
            {
                return utf8.IsEmpty;
            }

            (set, id) = (set._folders!, prefix - 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Bytes(int id)
    {
        long where = _where[id];
        return _chunks[(int)(where >> 40)].AsSpan((int)((where >> 24) & 0xFFFF), (int)(where & Odd));
    }

    private int AddOdd(string text)
    {
        _oddIds ??= new Dictionary<string, int>(StringComparer.Ordinal);
        _odd ??= [];
        if (!_oddIds.TryGetValue(text, out int id))
        {
            // Kept as the string, outside the hash slots (such texts are rare).
            id = _where.Add();
            _where[id] = Odd;
            _hashes.Add();
            _oddIds.Add(text, id);
            _odd.Add(id, text);
        }

        return id;
    }

    // Keeps the folder's number + 1 (3 bytes) and the rest.
    private long Store(int prefix, ReadOnlySpan<byte> rest)
    {
        int length = PrefixBytes + rest.Length;
        byte[]? chunk = _chunks.Count == 0 ? null : _chunks[^1];
        if (chunk is null || chunk.Length - _used < length)
        {
            int size = Math.Min(MaxChunk, Math.Max(FirstChunk, (chunk?.Length ?? 0) * 2));
            chunk = new byte[Math.Max(size, length)];
            _chunks.Add(chunk);
            _used = 0;
        }

        Span<byte> into = chunk.AsSpan(_used, length);
        into[0] = (byte)prefix;
        into[1] = (byte)(prefix >> 8);
        into[2] = (byte)(prefix >> 16);
        rest.CopyTo(into[PrefixBytes..]);
        long where = ((long)(_chunks.Count - 1) << 40) | ((long)_used << 24) | (uint)length;
        _used += length;
        return where;
    }

    private void Grow()
    {
        if (Count * 4 <= _slots.Length * 3)
        {
            return;
        }

        _slots = new uint[_slots.Length * 2];
        int mask = _slots.Length - 1;
        uint indexMask = SlotTags.IndexMask(_slots.Length);
        for (int id = 0; id < Count; id++)
        {
            if ((_where[id] & Odd) == Odd)
            {
                continue;
            }

            int hash = _hashes[id];
            int slot = hash & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = SlotTags.Slot(id, hash, indexMask);
        }
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        ulong hash = XxHash3.HashToUInt64(utf8);
        return (int)hash ^ (int)(hash >> 32);
    }
}
