namespace TrailSift.Core.Iam.Mapping;

/// <summary>Empty string lists for the mapper's intermediate values, reused per thread.</summary>
/// <remarks>A per-thread stack ([ThreadStatic]), so nested uses each get their own list; thread-safe.</remarks>
internal static class StringLists
{
    [ThreadStatic]
    private static Stack<List<string>>? t_free;

    /// <summary>An empty list: one given back earlier on this thread, else a new one.</summary>
    public static List<string> Rent() => t_free is { Count: > 0 } free ? free.Pop() : new List<string>(4);

    /// <summary>Empties <paramref name="list"/> and keeps it for this thread's next <see cref="Rent"/>.</summary>
    public static void Return(List<string> list)
    {
        list.Clear();
        (t_free ??= new Stack<List<string>>(4)).Push(list);
    }
}
