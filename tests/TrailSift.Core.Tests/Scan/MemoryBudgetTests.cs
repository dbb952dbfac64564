using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Scan;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

public sealed class MemoryBudgetTests
{
    // A record of about 6 MiB with 3 Mi + 6 tokens (the object, two names, a string, the array and its 3 Mi + 1 numbers).
    private static readonly string Big = "{\"eventName\":\"big\",\"x\":[" + string.Concat(Enumerable.Repeat("1,", 3 << 20)) + "1]}";
    private static readonly long BigTableBytes = ((3L << 20) + 6) * RecordIndex.TokenBytes;

    [Fact]
    public async Task Should_Make_Second_Worker_Wait_When_Budget_Is_Spent_Until_First_Releases()
    {
        // Given: the first worker holds the whole budget
        var budget = new MemoryBudget(100);
        MemoryBudget.Lease first = budget.Open();
        MemoryBudget.Lease second = budget.Open();
        first.EnsureHeld(80);

        // When: the second asks for more than what is left
        var asked = Task.Run(() => second.EnsureHeld(50));

        // Then: it waits (seen by the budget, however late the thread pool starts the task) until the first gives its share back
        await WaitForAWait(budget, asked);
        Assert.False(asked.IsCompleted, "the second worker did not wait");
        Assert.Equal(1, budget.Waits);
        first.ReleaseAll();
        await asked.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(50, budget.Used);
        Assert.Equal(1, budget.Waits);
    }

    [Fact]
    public async Task Should_Let_The_Oldest_Holder_Proceed_When_Workers_Would_Wait_On_Each_Other()
    {
        // Given: two workers each hold part of the budget and both need more
        var budget = new MemoryBudget(100);
        MemoryBudget.Lease older = budget.Open();
        MemoryBudget.Lease younger = budget.Open();
        older.EnsureHeld(40);
        younger.EnsureHeld(40);

        // When
        var youngerAsks = Task.Run(() => younger.EnsureHeld(90));
        older.EnsureHeld(90); // does not wait: the oldest holder always proceeds

        // Then: the younger one waits until the older one is done, then proceeds (no deadlock)
        await WaitForAWait(budget, youngerAsks);
        Assert.False(youngerAsks.IsCompleted, "the younger worker did not wait");
        older.ReleaseAll();
        await youngerAsks.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(90, budget.Used);
    }

    [Fact]
    public void Should_Read_Large_Records_One_At_A_Time_When_Workers_Share_A_Small_Budget()
    {
        // Given: two readers on two threads, each with records of about 6 MiB, and a budget for one of them
        byte[] data = Encoding.UTF8.GetBytes(Big + "\n" + new EventBuilder().Json() + "\n" + Big + "\n");
        var budget = new MemoryBudget(20 << 20);

        // When
        int[] counts = new int[2];
        Parallel.For(0, 2, w =>
        {
            MemoryBudget.Lease lease = budget.Open();
            using var reader = new RecordReader(new MemoryStream(data), 64 * 1024) { Memory = lease };
            using var record = new EventRecord();
            while (reader.TryRead(record))
            {
                Assert.Equal(TrailSift.Core.Json.JsonKind.String, record.EventName.Kind);
                counts[w]++;
            }

            lease.ReleaseAll();
        });

        // Then: every record read, the reservations given back, and never two large records at once
        // (one reserves 8 MiB of buffer, 4 MiB being copied, and its token table when the test reads the event name)
        long one = (8L << 20) + (4 << 20) + BigTableBytes;
        Assert.Equal([3, 3], counts);
        Assert.Equal(0, budget.Used);
        Assert.InRange(budget.Peak, BigTableBytes, one);
    }

    [Fact]
    public void Should_Give_Back_Large_Buffer_When_Large_Record_Is_Done()
    {
        // Given
        string big = "{\"eventName\":\"big\",\"x\":\"" + new string('a', 6 << 20) + "\"}";
        byte[] data = Encoding.UTF8.GetBytes(big + "\n" + string.Concat(Enumerable.Repeat(new EventBuilder().Json() + "\n", 200)));
        var budget = new MemoryBudget();
        MemoryBudget.Lease lease = budget.Open();
        using var reader = new RecordReader(new MemoryStream(data), 64 * 1024) { Memory = lease };
        using var record = new EventRecord();

        // When
        Assert.True(reader.TryRead(record));
        long heldForBig = lease.Held;
        int rest = 0;
        while (reader.TryRead(record))
        {
            rest++;
        }

        // Then: the large record's buffer was reserved, split without an index until asked, and given back after it
        Assert.True(heldForBig >= 8 << 20, $"held {heldForBig}");
        Assert.Equal(200, rest);
        Assert.Equal(0, lease.Held);
    }

    [Fact]
    public void Should_Reserve_The_Token_Table_At_Its_Exact_Size_When_A_Filter_Reads_A_Large_Record()
    {
        // Given: a large record split without its index
        var budget = new MemoryBudget();
        MemoryBudget.Lease lease = budget.Open();
        using var reader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes(Big)), 64 * 1024) { Memory = lease };
        using var record = new EventRecord();
        Assert.True(reader.TryRead(record));
        long buffer = lease.Held;

        // When: something reads it
        int tokens = record.Index.Count;

        // Then: its table, 16 bytes a token and not doubled, was reserved on top of the buffer before it was allocated
        Assert.Equal(16, RecordIndex.TokenBytes);
        Assert.Equal((3 << 20) + 6, tokens);
        Assert.Equal((8L << 20) + (4 << 20), buffer);
        Assert.Equal(buffer + BigTableBytes, lease.Held);
        Assert.False(reader.TryRead(record));
        Assert.Equal(0, lease.Held);
    }

    [Fact]
    public async Task Should_Make_A_Second_Large_Record_Wait_Until_The_First_Ones_Buffer_And_Index_Are_Given_Back()
    {
        // Given: a budget smaller than one large record with its index, and a first worker inside such a record
        var budget = new MemoryBudget(16 << 20);
        MemoryBudget.Lease first = budget.Open();
        MemoryBudget.Lease second = budget.Open();
        using var firstReader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes(Big)), 64 * 1024) { Memory = first };
        using var firstRecord = new EventRecord();
        Assert.True(firstReader.TryRead(firstRecord));
        Assert.Equal(JsonKind.String, firstRecord.EventName.Kind); // builds its index: over the budget, as the oldest may

        // When: a second worker meets a large record too
        var secondDone = Task.Run(() =>
        {
            using var reader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes(Big)), 64 * 1024) { Memory = second };
            using var record = new EventRecord();
            Assert.True(reader.TryRead(record));
            long peakWhileReading = budget.Used;
            Assert.Equal(JsonKind.String, record.EventName.Kind);
            return Math.Max(peakWhileReading, budget.Used);
        });

        // Then: it waits (holding nothing) while the first record's buffer and table are held, and goes on once the
        // first reader has finished its input; the two are never held together
        await WaitForAWait(budget, secondDone);
        Assert.False(secondDone.IsCompleted);
        Assert.Equal(1, budget.Waits);
        Assert.Equal(0, second.Held);
        Assert.Equal((8L << 20) + (4 << 20) + BigTableBytes, budget.Used);
        Assert.False(firstReader.TryRead(firstRecord));
        long usedBySecond = await secondDone.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((8L << 20) + (4 << 20) + BigTableBytes, usedBySecond);
        Assert.Equal(1, budget.Waits);
        Assert.Equal((8L << 20) + (4 << 20) + BigTableBytes, budget.Peak);
    }

    // Until a worker of the budget has started waiting or the task ended (however late the thread pool starts it).
    private static async Task WaitForAWait(MemoryBudget budget, Task asking)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (budget.Waits == 0 && !asking.IsCompleted && started.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }
    }
}
