using System.Collections.Concurrent;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>
/// The patterns a <c>test</c> with computed arguments has compiled, owned by that compiled node (no
/// static state), so a pattern taken from the events is compiled once per distinct text.
/// </summary>
/// <remarks>Thread-safe: a bounded concurrent dictionary shared by the scan workers.</remarks>
internal sealed class RegexCache
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<(string Pattern, string Flags), RegexFactory.CompiledRegex> _cache = new();

    public RegexFactory.CompiledRegex Get(string pattern, string flags)
    {
        if (_cache.TryGetValue((pattern, flags), out RegexFactory.CompiledRegex? cached))
        {
            return cached;
        }

        RegexFactory.CompiledRegex created = RegexFactory.Create(pattern, flags);
        if (_cache.Count < MaxCached)
        {
            _cache.TryAdd((pattern, flags), created);
        }

        return created;
    }
}
