using System.Collections.Frozen;
using System.Text;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// Whether an event name may be one of <see cref="TagLedger.TaggingEventNames"/>, from its raw bytes: most events are
/// neither tagging nor creating calls, and are passed over with a length test and a compare or two, before any other
/// field of theirs is read and with no string made. The names are ASCII, so an unescaped name's bytes equal a name's
/// exactly when its text does; an escaped name is left to the set (<see cref="MayTag"/> is true for it).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class TaggingNameFilter
{
    // Bit n: some name is n bytes long (every name is shorter than 64).
    private readonly ulong _lengths;
    private readonly byte[][][] _byLength;

    /// <summary>A filter for <paramref name="names"/> (ASCII, each shorter than 64 characters).</summary>
    public TaggingNameFilter(FrozenSet<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var byLength = new List<byte[]>[64];
        foreach (string name in names)
        {
            if (name.Length >= 64 || !Ascii.IsValid(name))
            {
                throw new ArgumentException("names must be ASCII and shorter than 64 characters", nameof(names));
            }

            _lengths |= 1UL << name.Length;
            (byLength[name.Length] ??= []).Add(Encoding.ASCII.GetBytes(name));
        }

        _byLength = [.. byLength.Select(static list => list?.ToArray() ?? [])];
    }

    /// <summary>
    /// False only when <paramref name="eventName"/> (a string node) is surely none of the names; true for one of them,
    /// and for an escaped text (the caller asks the set).
    /// </summary>
    public bool MayTag(JsonNode eventName)
    {
        if (eventName.HasEscapes)
        {
            return true;
        }

        ReadOnlySpan<byte> raw = eventName.RawStringContent;
        if (raw.Length >= 64 || (_lengths & (1UL << raw.Length)) == 0)
        {
            return false;
        }

        foreach (byte[] name in _byLength[raw.Length])
        {
            if (raw.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }
}
