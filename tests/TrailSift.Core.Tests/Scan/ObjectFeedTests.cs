using System.Collections.Concurrent;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Core.Tests.Scan;

public sealed class ObjectFeedTests
{
    [Fact]
    public void Should_Start_Opening_Remote_Objects_Ahead_Of_The_Worker_Up_To_The_Io_Concurrency()
    {
        // Given 10 remote objects whose opens are recorded
        var started = new ConcurrentQueue<int>();
        var objects = Enumerable.Range(0, 10).Select(i => new LogObject($"s3://b/{i}.json", 2, _ =>
        {
            started.Enqueue(i);
            return Task.FromResult<Stream>(new MemoryStream("{}"u8.ToArray()));
        })).ToList();

        // When the first object is taken with an I/O concurrency of 4
        using var feed = new ObjectFeed(objects.ToAsyncEnumerable(), ioConcurrency: 4, CancellationToken.None);
        Assert.True(feed.TryTake(out ObjectFeed.PendingObject first));

        // Then four opens have started, in order, and the first is the first object
        Assert.Equal([0, 1, 2, 3], started);
        Assert.Equal(0, first.Sequence);
        using Stream s = first.Open();
        Assert.Equal(2, s.Length);
    }

    [Fact]
    public void Should_Hand_Out_Every_Object_Once_In_Order_And_Leave_Local_Ones_Unopened_Until_Taken()
    {
        int opens = 0;
        var objects = Enumerable.Range(0, 50).Select(i => new LogObject($"f{i}", 0, () =>
        {
            Interlocked.Increment(ref opens);
            return new MemoryStream();
        })).ToList();
        using var feed = new ObjectFeed(objects.ToAsyncEnumerable(), ioConcurrency: 8, CancellationToken.None);

        var taken = new List<int>();
        while (feed.TryTake(out ObjectFeed.PendingObject item))
        {
            taken.Add(item.Sequence);
        }

        Assert.Equal(Enumerable.Range(0, 50), taken);
        Assert.Equal(0, opens);
    }
}
