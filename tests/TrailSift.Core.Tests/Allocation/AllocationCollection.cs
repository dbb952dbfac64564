namespace TrailSift.Core.Tests.Allocation;

/// <summary>Allocation tests run alone (not in parallel with other collections), so JIT tiering and other tests' load settle.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Allocation";

    /// <summary>
    /// Runs <paramref name="batch"/> until one batch allocates nothing on this thread (at most <paramref name="warmups"/>
    /// tries: tiered compilation and lazy caches settle), then returns the bytes each of <paramref name="batches"/> more batches allocated.
    /// </summary>
    public static long[] SteadyState(Action batch, int warmups = 50, int batches = 5)
    {
        for (int i = 0; i < warmups; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            batch();
            if (GC.GetAllocatedBytesForCurrentThread() == before)
            {
                break;
            }
        }

        var allocated = new long[batches];
        for (int i = 0; i < batches; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            batch();
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return allocated;
    }
}
