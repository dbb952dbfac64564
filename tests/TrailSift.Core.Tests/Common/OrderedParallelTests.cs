using TrailSift.Core.Common;

namespace TrailSift.Core.Tests.Common;

public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(100, 1)]
    [InlineData(100, 3)]
    public void Should_Yield_Every_Result_In_Index_Order_When_Items_Take_Uneven_Time(int count, int parallelism)
    {
        // When: later items often finish first
        int[] results = [.. OrderedParallel.Map(count, i =>
        {
            Thread.SpinWait((count - i) % 7 * 20_000);
            return i * i;
        }, parallelism)];

        // Then
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * i), results);
    }

    [Fact]
    public void Should_Compute_At_Most_The_Window_Ahead_When_The_Consumer_Is_Slow()
    {
        // Given
        int started = 0;
        int worst = 0;

        // When
        int consumed = 0;
        foreach (int i in OrderedParallel.Map(60, i =>
        {
            Interlocked.Increment(ref started);
            return i;
        }, parallelism: 3, window: 5))
        {
            Thread.Sleep(2);
            consumed = i + 1;
            worst = Math.Max(worst, Volatile.Read(ref started) - consumed);
        }

        // Then: never more than the window started and not yet consumed
        Assert.Equal(60, consumed);
        Assert.InRange(worst, 0, 5);
    }

    [Fact]
    public void Should_Rethrow_To_The_Consumer_And_Stop_When_An_Item_Fails()
    {
        // Given
        int computed = 0;
        var seen = new List<int>();

        // When
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (int i in OrderedParallel.Map(1000, i =>
            {
                Interlocked.Increment(ref computed);
                return i == 10 ? throw new InvalidOperationException("item 10") : i;
            }, parallelism: 2, window: 4))
            {
                seen.Add(i);
            }
        });

        // Then: the items before it were yielded, and the workers stopped
        Assert.Equal("item 10", error.Message);
        Assert.True(seen.Count <= 10 && seen.SequenceEqual(Enumerable.Range(0, seen.Count)));
        Assert.InRange(computed, 11, 20);
    }

    [Fact]
    public void Should_Stop_The_Workers_When_The_Consumer_Stops_Early()
    {
        // Given
        int computed = 0;

        // When
        int[] first = [.. OrderedParallel.Map(10_000, i =>
        {
            Interlocked.Increment(ref computed);
            return i;
        }, parallelism: 2, window: 8).Take(3)];
        int after = Volatile.Read(ref computed);
        Thread.Sleep(50);

        // Then: the enumeration's end waited for the workers, which started nothing more
        Assert.Equal([0, 1, 2], first);
        Assert.Equal(after, Volatile.Read(ref computed));
        Assert.InRange(after, 3, 3 + 8 + 2);
    }
}
