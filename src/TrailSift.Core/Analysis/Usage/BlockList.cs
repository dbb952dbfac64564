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
    private static readonly int Shift = Math.Max(2, 31 - int.LeadingZeroCount(BlockBytes / Math.Max(1, System.Runtime.CompilerServices.Unsafe.SizeOf<T>())));
    private static readonly int Mask = (1 << Shift) - 1;
    private readonly List<T[]> _blocks = [];

    /// <summary>How many elements the list holds.</summary>
    public int Count { get; private set; }

    /// <summary>The element at <paramref name="index"/>, by reference.</summary>
    public ref T this[int index] => ref _blocks[index >> Shift][index & Mask];

    /// <summary>Adds a default element and returns its index.</summary>
    public int Add()
    {
        if ((Count & Mask) == 0 && Count >> Shift == _blocks.Count)
        {
            // The first block grows from small (most principals keep few elements); later ones are full size.
            _blocks.Add(new T[_blocks.Count == 0 ? Math.Min(8, Mask + 1) : Mask + 1]);
        }
        else if (_blocks.Count == 1 && Count == _blocks[0].Length)
        {
            T[] first = _blocks[0];
            Array.Resize(ref first, Math.Min(first.Length * 2, Mask + 1));
            _blocks[0] = first;
        }

        return Count++;
    }
}
