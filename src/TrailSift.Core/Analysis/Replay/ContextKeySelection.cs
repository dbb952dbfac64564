namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// The context keys a reader of <see cref="ReplayContext"/> will look at (a principal's policy keys,
/// <see cref="PolicyKeys.Collect"/>): <see cref="EventContextReader.Read(Events.EventRecord, Events.ResolvedPrincipal, ContextKeySelection?)"/>
/// reads only these, so a key no policy reads costs nothing per call. For a selected key the context holds the same
/// value, absence or unknownness as a full read.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ContextKeySelection
{
    private readonly HashSet<string> _keys;

    /// <summary>Selects <paramref name="keys"/> (case-insensitive).</summary>
    public ContextKeySelection(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="key"/> is selected.</summary>
    public bool Contains(string key) => _keys.Contains(key);

    /// <summary>True when any of <paramref name="keys"/> is selected.</summary>
    public bool ContainsAny(params ReadOnlySpan<string> keys)
    {
        foreach (string key in keys)
        {
            if (_keys.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a selected key falls under <paramref name="prefix"/> (as <see cref="ReplayContext.MarkAbsentPrefix"/> matches).</summary>
    public bool ContainsPrefix(string prefix)
    {
        foreach (string key in _keys)
        {
            if (ReplayContext.Matches(key, prefix))
            {
                return true;
            }
        }

        return false;
    }
}
