using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Remote;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Sources.Remote;

/// <summary>Kept folder listings: read back whole or not at all, and final only once the window's time has passed.</summary>
public sealed class ListingCacheTests
{
    private const string Day = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/02/";

    private static readonly DateTimeOffset After = new(2024, 5, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_ReadBackTheListing_AndIgnoreATornFile_When_Stored()
    {
        // Given
        using var dir = new TempTree();
        var cache = new ListingCache(dir.Root);
        var listing = new FolderListing(After.AddHours(1), "AWSLogs/x_0", true, ["AWSLogs/sub/"], [new RemoteObject("b", Day + "k y.json.gz", 12, "\"e1\"")]);

        // When
        cache.Store("b", Day, listing);
        FolderListing? back = cache.TryGet("b", Day);

        // Then the same listing; another prefix or bucket has none; a file cut short is not read
        Assert.NotNull(back);
        Assert.Equal(listing.TakenAt, back.TakenAt);
        Assert.Equal(listing.StartAfter, back.StartAfter);
        Assert.True(back.Stopped);
        Assert.Equal(listing.Prefixes, back.Prefixes);
        Assert.Equal(listing.Objects, back.Objects);
        Assert.Null(cache.TryGet("b", Day + "x/"));
        Assert.Null(cache.TryGet("c", Day));
        string file = Directory.GetFiles(dir.Root, "*", SearchOption.AllDirectories).Single();
        File.WriteAllText(file, File.ReadAllText(file)[..^4]);
        Assert.Null(cache.TryGet("b", Day));
    }

    [Fact]
    public void Should_StoreNothing_When_AKeyHasALineBreak()
    {
        using var dir = new TempTree();
        var cache = new ListingCache(dir.Root);
        cache.Store("b", Day, new FolderListing(After, null, false, [], [new RemoteObject("b", Day + "a\nb", 1, "e")]));
        Assert.Null(cache.TryGet("b", Day));
    }

    [Theory]
    // A day folder: final once the day ended 30 minutes (delivery delay + clock skew) before the listing
    [InlineData(LayoutLevel.Day, null, "2024-05-03T00:29Z", false)]
    [InlineData(LayoutLevel.Day, null, "2024-05-03T00:30Z", true)]
    // With --until inside the day: final 30 minutes after until + the delivery delay
    [InlineData(LayoutLevel.Day, "2024-05-02T10:00Z", "2024-05-02T10:44Z", false)]
    [InlineData(LayoutLevel.Day, "2024-05-02T10:00Z", "2024-05-02T10:45Z", true)]
    // A month and a year folder: at their end
    [InlineData(LayoutLevel.Month, null, "2024-05-31T23:00Z", false)]
    [InlineData(LayoutLevel.Month, null, "2024-06-01T00:30Z", true)]
    [InlineData(LayoutLevel.Year, null, "2024-12-31T23:59Z", false)]
    // A folder without an end (a region, an account): final only under --until
    [InlineData(LayoutLevel.Region, null, "2030-01-01T00:00Z", false)]
    [InlineData(LayoutLevel.Region, "2024-05-02T10:00Z", "2024-05-02T10:44Z", false)]
    [InlineData(LayoutLevel.Region, "2024-05-02T10:00Z", "2024-05-02T10:45Z", true)]
    public void Should_BeFinal_OnlyWhenNothingDeliveredLaterCanBeInTheWindow(LayoutLevel level, string? until, string taken, bool final)
    {
        var position = new LayoutPosition(level, "111122223333", "us-east-1", 2024, level >= LayoutLevel.Month ? 5 : 0, level == LayoutLevel.Day ? 2 : 0);
        var options = new PruneOptions { Until = until is null ? null : DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture) };
        var listing = new FolderListing(DateTimeOffset.Parse(taken, System.Globalization.CultureInfo.InvariantCulture), null, false, [], []);

        Assert.Equal(final, listing.IsFinalFor(position, options));
    }

    [Fact]
    public void Should_CoverALaterStart_ButNotAnEarlierOne_NorAWindowPastWhereItStopped()
    {
        var listing = new FolderListing(After, Day + "b", true, [], [new RemoteObject("b", Day + "c", 1, "e"), new RemoteObject("b", Day + "z", 1, "e")]);

        Assert.True(listing.Covers(Day + "c", k => k.EndsWith('z')));
        Assert.False(listing.Covers(Day + "a", k => k.EndsWith('z')));
        Assert.False(listing.Covers(null, k => k.EndsWith('z')));
        Assert.False(listing.Covers(Day + "c", _ => false)); // stopped early, and this window goes on past its last key
    }
}
