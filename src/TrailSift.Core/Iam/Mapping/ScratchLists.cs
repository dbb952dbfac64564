namespace TrailSift.Core.Iam.Mapping;

/// <summary>Empty lists for the mapper's intermediate values (strings, resolved values), reused per thread.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>A per-thread stack ([ThreadStatic]), so nested uses each get their own list; thread-safe.</remarks>
internal static class ScratchLists<T>
{
    [ThreadStatic]
    private static Stack<List<T>>? t_free;

    /// <summary>An empty list: one given back earlier on this thread, else a new one.</summary>
    public static List<T> Rent() => t_free is { Count: > 0 } free ? free.Pop() : new List<T>(4);

    /// <summary>Empties <paramref name="list"/> and keeps it for this thread's next <see cref="Rent"/>.</summary>
    public static void Return(List<T> list)
    {
        list.Clear();
        (t_free ??= new Stack<List<T>>(4)).Push(list);
    }
}
