namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// One folder's whole <c>ListObjectsV2</c> answer (every page, nothing filtered): its subfolders and objects, when it
/// was taken, where it started (<c>StartAfter</c>) and whether it stopped paging early past the window's end. Kept in
/// the <see cref="ListingCache"/>; a later run reuses it without a request only when it is final for that run's window
/// (<see cref="IsFinalFor"/>), and otherwise uses its subfolders as hints of what to list at once.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed record FolderListing(DateTimeOffset TakenAt, string? StartAfter, bool Stopped, IReadOnlyList<string> Prefixes, IReadOnlyList<RemoteObject> Objects)
{
    /// <summary>
    /// True when nothing CloudTrail can write to the folder after <see cref="TakenAt"/> can hold an event of the window:
    /// the last delivery time that matters — the folder's own end (a day, month or year folder) or <c>--until</c> plus the
    /// delivery delay, whichever is earlier — was at least the delivery-delay and clock-skew margins before the listing.
    /// A folder without such an end (above the year folders, with no <c>--until</c>) is never final.
    /// </summary>
    public bool IsFinalFor(LayoutPosition folder, PruneOptions options)
    {
        DateTimeOffset? end = FolderEnd(folder);
        if (options.Until is { } until && (end is null || until + options.DeliveryDelay < end))
        {
            end = until + options.DeliveryDelay;
        }

        return end is { } last && TakenAt >= last + options.DeliveryDelay + options.ClockSkew;
    }

    /// <summary>
    /// True when this listing holds every key a listing starting after <paramref name="startAfter"/> would need: it
    /// started no later, and if it stopped early, it did so past the end of this run's window (<paramref name="pastWindow"/> holds for one of its keys).
    /// </summary>
    public bool Covers(string? startAfter, Func<string, bool> pastWindow) =>
        (StartAfter is null || (startAfter is not null && string.CompareOrdinal(StartAfter, startAfter) <= 0))
        && (!Stopped || Objects.Any(o => pastWindow(o.Key)));

    private static DateTimeOffset? FolderEnd(LayoutPosition p) => p.Level switch
    {
        LayoutLevel.Year => new DateTimeOffset(p.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero),
        LayoutLevel.Month => new DateTimeOffset(p.Year, p.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1),
        LayoutLevel.Day => new DateTimeOffset(p.Year, p.Month, p.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1),
        _ => null,
    };
}
