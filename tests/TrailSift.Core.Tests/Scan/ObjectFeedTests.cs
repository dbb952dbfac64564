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

    [Fact]
    public async Task Should_Hand_Out_Listed_Objects_At_Once_When_The_Listing_Still_Waits_For_More()
    {
        // Given a listing that yields one remote object, then waits (a folder still being listed), then yields another
        var more = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var feed = new ObjectFeed(Slow(more.Task), ioConcurrency: 8, CancellationToken.None);

        // When a worker takes: it gets the first object without waiting for the look-ahead to fill
        Task<int> first = Task.Run(() => feed.TryTake(out ObjectFeed.PendingObject item) ? item.Sequence : -1);
        Assert.Equal(0, await first.WaitAsync(TimeSpan.FromSeconds(30)));

        // Then the next take waits for the listing, and gets the second object once it is listed; then the end
        Task<int> second = Task.Run(() => feed.TryTake(out ObjectFeed.PendingObject item) ? item.Sequence : -1);
        await Task.WhenAny(second, Task.Delay(200));
        Assert.False(second.IsCompleted);
        more.SetResult();
        Assert.Equal(1, await second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(feed.TryTake(out _));
        feed.Complete();
    }

    [Fact]
    public async Task Should_Stop_The_Listing_And_Return_When_Disposed_While_The_Listing_Waits()
    {
        // Given a feed whose listing waits for ever after its first object
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feed = new ObjectFeed(Slow(never.Task), ioConcurrency: 4, CancellationToken.None);
        Assert.True(feed.TryTake(out _));

        // When it is disposed (the scan ended early), then the pending listing is cancelled and Dispose returns
        await Task.Run(feed.Dispose).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async IAsyncEnumerable<LogObject> Slow(Task more, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        yield return Remote(0);
        await more.WaitAsync(cancel);
        yield return Remote(1);
    }

    private static LogObject Remote(int i) => new($"s3://b/{i}.json", 2, _ => Task.FromResult<Stream>(new MemoryStream("{}"u8.ToArray())));
}
