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

    // Bit n set: some selected key has n characters (63: 63 or more). The reader asks about many keys per call and a
    // selection holds a few: most questions are answered by the length alone (names equal ignoring case have one length).
    private readonly ulong _lengths;

    // Bit n set: some selected key has shape n (its length and last character, ShapeBit). A second filter for keys of
    // a selected length (aws:SourceIp beside aws:username). All bits when a selected key ends beyond ASCII.
    private readonly ulong _shapes;

    // The prefixes the reader asks about for every call, answered once here (ScanPrefix's answer for each).
    private static readonly string[] AskedPrefixes = ["aws:RequestTag/", "kms:EncryptionContext:"];
    private readonly bool[] _askedPrefixes;

    /// <summary>Selects <paramref name="keys"/> (case-insensitive).</summary>
    public ContextKeySelection(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
        foreach (string key in _keys)
        {
            _lengths |= LengthBit(key);
            _shapes |= key.Length > 0 && key[^1] < 0x80 ? ShapeBit(key) : ulong.MaxValue;
        }

        _askedPrefixes = Array.ConvertAll(AskedPrefixes, ScanPrefix);
    }

    /// <summary>True when <paramref name="key"/> is selected.</summary>
    public bool Contains(string key) =>
        (_lengths & LengthBit(key)) != 0 && (key.Length == 0 || key[^1] >= 0x80 || (_shapes & ShapeBit(key)) != 0) && _keys.Contains(key);

    /// <summary>True when any of <paramref name="keys"/> is selected.</summary>
    public bool ContainsAny(params ReadOnlySpan<string> keys)
    {
        foreach (string key in keys)
        {
            if (Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a selected key falls under <paramref name="prefix"/> (as <see cref="ReplayContext.MarkAbsentPrefix"/> matches).</summary>
    public bool ContainsPrefix(string prefix)
    {
        for (int i = 0; i < AskedPrefixes.Length; i++)
        {
            if (string.Equals(prefix, AskedPrefixes[i], StringComparison.Ordinal))
            {
                return _askedPrefixes[i];
            }
        }

        return ScanPrefix(prefix);
    }

    private bool ScanPrefix(string prefix)
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

    private static ulong LengthBit(string key) => 1UL << Math.Min(key.Length, 63);

    // Keys equal ignoring case have one length and, when their last characters are ASCII, one (c | 0x20) of those.
    private static ulong ShapeBit(string key) => 1UL << (((key.Length * 7) + (key[^1] | 0x20)) & 63);
}
