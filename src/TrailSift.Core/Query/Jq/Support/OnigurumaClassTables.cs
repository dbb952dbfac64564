using System.Collections.Concurrent;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>Looks up the code point sets of <see cref="OnigurumaTables"/> (parsed once, on first use).</summary>
internal static class OnigurumaClassTables
{
    private static readonly ConcurrentDictionary<string, CodepointSet> Cache = new(StringComparer.Ordinal);

    /// <summary>The set for a table key (<c>w</c>, <c>posix:alpha</c>, <c>p:Lu</c>); throws for an unknown key.</summary>
    public static CodepointSet Get(string key) =>
        Cache.GetOrAdd(key, k => CodepointSet.Parse(OnigurumaTables.Ranges[k]));

    /// <summary>The set of a POSIX bracket name (<c>alpha</c>), or null when Oniguruma has no such bracket.</summary>
    public static CodepointSet? Posix(string name) =>
        OnigurumaTables.Ranges.ContainsKey("posix:" + name) ? Get("posix:" + name) : null;

    /// <summary>The set of a property name spelt exactly as in the table (<c>Lu</c>, <c>Greek</c>), or null.</summary>
    public static CodepointSet? Property(string name) =>
        OnigurumaTables.Ranges.ContainsKey("p:" + name) ? Get("p:" + name) : null;
}
