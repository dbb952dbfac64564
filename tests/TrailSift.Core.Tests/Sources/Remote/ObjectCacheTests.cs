using TrailSift.Core.Sources.Remote;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Sources.Remote;

/// <summary>The S3 object cache's pruning: entries unused for 30 days go, at most one check a day; a hit counts as a use.</summary>
public sealed class ObjectCacheTests : IDisposable
{
    private readonly TempTree _dir = new();
    private readonly RemoteObject _recent = new("trail", "AWSLogs/1/a.json.gz", 3, "\"e1\"");
    private readonly RemoteObject _old = new("trail", "AWSLogs/1/b.json.gz", 3, "\"e2\"");

    private string Put(ObjectCache cache, RemoteObject o, DateTime modified)
    {
        using (AtomicFile file = cache.BeginWrite(o))
        {
            file.Stream.Write("abc"u8);
            file.Commit();
        }

        string path = cache.TryGet(o)!;
        File.SetLastWriteTimeUtc(path, modified);
        return path;
    }

    [Fact]
    public void Should_Delete_Only_Entries_Unused_For_30_Days_And_Check_Once_A_Day_When_Pruning()
    {
        // Given an entry used 10 days ago, one used 40 days ago, and an abandoned temporary file
        var cache = new ObjectCache(_dir.Root);
        DateTime now = DateTime.UtcNow;
        string recent = Put(cache, _recent, now.AddDays(-10));
        string old = Put(cache, _old, now.AddDays(-40));
        string part = Path.Combine(Path.GetDirectoryName(old)!, ".b.json.gz.x1.part");
        File.WriteAllText(part, "a");
        File.SetLastWriteTimeUtc(part, now.AddDays(-31));

        // When
        int deleted = cache.PruneUnused();

        // Then
        Assert.Equal(2, deleted);
        Assert.True(File.Exists(recent));
        Assert.False(File.Exists(old));
        Assert.False(File.Exists(part));

        // And a second run the same day does not look again
        string again = Put(cache, _old, now.AddDays(-40));
        Assert.Equal(0, cache.PruneUnused());
        Assert.True(File.Exists(again));
    }

    [Fact]
    public void Should_Count_A_Hit_As_A_Use_When_Reading_An_Entry()
    {
        var cache = new ObjectCache(_dir.Root);
        string path = Put(cache, _old, DateTime.UtcNow.AddDays(-40));

        Assert.Equal(path, cache.TryGet(_old));

        Assert.True(File.GetLastWriteTimeUtc(path) > DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(0, cache.PruneUnused());
        Assert.True(File.Exists(path));
    }

    public void Dispose() => _dir.Dispose();
}
