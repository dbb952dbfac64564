namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Slots of an open-addressing table (a power-of-two length, at most full, 0 for an empty slot) that keep, beside an
/// entry's index + 1, the high bits of its hash the slot's position does not use: a probe passes over another entry's
/// slot without reading the entry (a cache miss each in a large table) unless those bits agree. The index + 1 is at most
/// the length, so it takes the low bits up to twice the length; the hash's bits above them are the tag (fewer as the
/// table grows, none lost: a table is re-tagged when it grows).
/// </summary>
internal static class SlotTags
{
    /// <summary>The bits of a slot holding the index + 1, for a table of <paramref name="length"/> slots.</summary>
    public static uint IndexMask(int length) => ((uint)length << 1) - 1;

    /// <summary>The slot of entry <paramref name="index"/> with hash <paramref name="hash"/>: never 0.</summary>
    public static uint Slot(int index, int hash, uint indexMask) => (uint)(index + 1) | ((uint)hash & ~indexMask);

    /// <summary>The entry index of a full slot.</summary>
    public static int Index(uint slot, uint indexMask) => (int)(slot & indexMask) - 1;

    /// <summary>The full slot may hold an entry with hash <paramref name="hash"/> (false: it surely does not).</summary>
    public static bool MayHold(uint slot, int hash, uint indexMask) => ((slot ^ (uint)hash) & ~indexMask) == 0;
}
