using System.Text;
using System.Text.RegularExpressions;
using TrailSift.Core.Common;
using TrailSift.Core.Output;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

/// <summary>
/// Objects listed ahead of their confirmation (<see cref="LogObject.Confirmation"/>, an S3 object from a kept listing
/// while its folder is listed again): scanned at once, emitted only when confirmed, in listing order; a dropped one
/// leaves nothing — no event, no report.
/// </summary>
public sealed class ConfirmationScanTests
{
    [Theory]
    [InlineData(1, 16 * 1024 * 1024)]
    [InlineData(2, 16 * 1024 * 1024)]
    [InlineData(3, 16 * 1024 * 1024)]
    [InlineData(2, 100)] // every held scan overflows: confirmed objects are scanned again
    public async Task Should_ScanObjectsAheadOfTheirConfirmation_AndPrintOnlyTheConfirmedOnes_InListingOrder_When_SomeAreDropped(int threads, long heldBytes)
    {
        // Given four objects listed ahead (o1 and o3 will be dropped; o3 is also broken) and two listed after them, known
        var opened = new int[1];
        var confirmations = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var objects = new List<LogObject>();
        for (int k = 0; k < 6; k++)
        {
            string body = EventBuilder.RecordsFile(Enumerable.Range(0, 40).Select(i => new EventBuilder("ec2.amazonaws.com", $"O{k}_{i}").Json()));
            byte[] bytes = Encoding.UTF8.GetBytes(k is 3 or 5 ? body[..(body.Length / 2)] : body);
            objects.Add(new LogObject($"o{k}", bytes.Length, () =>
            {
                Interlocked.Increment(ref opened[0]);
                return new MemoryStream(bytes);
            }) { Confirmation = k < 4 ? confirmations[k].Task : null });
        }

        // The confirmations come once the objects listed ahead were opened — all four, but for the one a worker that does not
        // scan ahead waits with (all workers but one scan ahead) — or after 10 s, and the test fails
        int ahead = threads > 1 ? 3 : 4;
        bool scannedAhead = false;
        Task confirming = Task.Run(async () =>
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref opened[0]) < ahead && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5);
            }

            scannedAhead = Volatile.Read(ref opened[0]) >= ahead;
            for (int k = 0; k < 4; k++)
            {
                confirmations[k].SetResult(k is 0 or 2);
            }
        });

        // When they are scanned as a listing gives them
        var ms = new MemoryStream();
        var output = new OrderedOutput(ms, maxBufferedBytes: 1024);
        var reporter = new ScanHelpers.ListReporter();
        var scanner = new ParallelScanner { Threads = threads, HeldBytesPerWorker = heldBytes, BufferBytes = 128 };
        ScanResult<EventPrintingSink> result = scanner.Run(Listing(objects), AllOfPredicate.MatchAll, () => new EventPrintingSink(output.CreateWriter(), indented: false), reporter);
        output.Flush();
        await confirming;

        // Then the objects listed ahead were read before any confirmation came
        Assert.True(scannedAhead, "the objects listed ahead were not scanned before their confirmation");

        // And the output is the confirmed objects' and the later ones' (o5 up to where it breaks), in order; the dropped
        // broken object reports nothing
        string printed = Encoding.UTF8.GetString(ms.ToArray());
        List<string> names = [.. Regex.Matches(printed, "\"eventName\":\\s*\"(O\\d+_\\d+)\"").Select(m => m.Groups[1].Value)];
        List<string> whole = [.. new[] { 0, 2, 4 }.SelectMany(k => Enumerable.Range(0, 40).Select(i => $"O{k}_{i}"))];
        Assert.Equal(whole, names.Take(whole.Count));
        Assert.Equal(Enumerable.Range(0, names.Count - whole.Count).Select(i => $"O5_{i}"), names.Skip(whole.Count));
        Assert.True(names.Count > whole.Count);
        Assert.Equal(["o5"], reporter.Problems.Select(p => p.Path).Distinct());
        Assert.Equal(1, result.Stats.FilesFailed);
    }

    private static async IAsyncEnumerable<LogObject> Listing(List<LogObject> objects)
    {
        foreach (LogObject o in objects)
        {
            await Task.Yield();
            yield return o;
        }
    }
}
