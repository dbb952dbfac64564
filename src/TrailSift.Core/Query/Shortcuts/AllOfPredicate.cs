using TrailSift.Core.Events;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary>The conjunction of several predicates: the filter and every shortcut option.</summary>
/// <remarks>Immutable; thread-safe when its parts are (workers get per-worker parts through <see cref="ForWorker"/>).</remarks>
public sealed class AllOfPredicate : IEventPredicate
{
    private readonly IEventPredicate[] _parts;

    /// <summary>Creates the conjunction.</summary>
    public AllOfPredicate(IReadOnlyList<IEventPredicate> parts)
    {
        _parts = [.. parts];
    }

    /// <summary>A predicate that selects every event.</summary>
    public static IEventPredicate MatchAll { get; } = new AllOfPredicate([]);

    /// <inheritdoc />
    public bool Matches(EventRecord record)
    {
        foreach (IEventPredicate p in _parts)
        {
            if (!p.Matches(record))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool HasPrefilter
    {
        get
        {
            foreach (IEventPredicate p in _parts)
            {
                if (p.HasPrefilter)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <inheritdoc />
    public bool MayMatch(ReadOnlySpan<byte> utf8)
    {
        foreach (IEventPredicate p in _parts)
        {
            if (!p.MayMatch(utf8))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public IEventPredicate ForWorker()
    {
        var parts = new IEventPredicate[_parts.Length];
        bool same = true;
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = _parts[i].ForWorker();
            same &= ReferenceEquals(parts[i], _parts[i]);
        }

        return same ? this : new AllOfPredicate(parts);
    }
}
