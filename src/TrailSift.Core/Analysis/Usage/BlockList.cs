using System.Runtime.CompilerServices;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// A list of structs in fixed blocks of under 64 KiB: growing copies nothing and leaves no garbage (a doubling array would
/// allocate about twice what it keeps), and no block lands on the large object heap.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>Not thread-safe.</remarks>
internal sealed class BlockList<T>
    where T : struct
{
    private const int BlockBytes = 60 * 1024;
    private static readonly int Shift = Math.Max(2, 31 - int.LeadingZeroCount(BlockBytes / Math.Max(1, Unsafe.SizeOf<T>())));
    private static readonly int Mask = (1 << Shift) - 1;

    // The same, per list: the indexer reads no static field (a generic type's, behind a check in native code).
    private readonly int _shift = Shift;
    private readonly int _mask = Mask;

    // The blocks, then room for more (an array, not a list: the indexer is one load more than a plain array's).
    private T[][] _blocks = [];
    private int _blockCount;

    /// <summary>How many elements the list holds.</summary>
    public int Count { get; private set; }

    /// <summary>The element at <paramref name="index"/>, by reference.</summary>
    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _blocks[index >> _shift][index & _mask];
    }

    /// <summary>Adds a default element and returns its index.</summary>
    public int Add()
    {
        if ((Count & _mask) == 0 && Count >> _shift == _blockCount)
        {
            // The first block grows from small (most principals keep few elements); later ones are full size.
            if (_blockCount == _blocks.Length)
            {
                Array.Resize(ref _blocks, Math.Max(4, _blocks.Length * 2));
            }

            _blocks[_blockCount] = new T[_blockCount == 0 ? Math.Min(8, _mask + 1) : _mask + 1];
            _blockCount++;
        }
        else if (_blockCount == 1 && Count == _blocks[0].Length)
        {
            Array.Resize(ref _blocks[0], Math.Min(_blocks[0].Length * 2, _mask + 1));
        }

        return Count++;
    }
}
