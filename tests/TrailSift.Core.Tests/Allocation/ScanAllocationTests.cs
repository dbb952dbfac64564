using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;
using TrailSift.Core.Tests.Scan;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Allocation;

/// <summary>The scan path allocates per object, never per event: selection, context and the sink included.</summary>
[Collection(AllocationCollection.Name)]
public sealed class ScanAllocationTests
{
    private sealed class CountingSink : IContextSink
    {
        public long Selected;
        public long Context;

        public void Accept(EventRecord record) => Selected++;

        public void AcceptContext(EventRecord record) => Context++;
    }

    private static byte[] Trail(int events)
    {
        var list = new List<string>();
        for (int i = 0; i < events; i++)
        {
            list.Add(new EventBuilder("sqs.amazonaws.com", i % 3 == 0 ? "CreateQueue" : "TagQueue").Json());
        }

        return Encoding.UTF8.GetBytes(EventBuilder.RecordsFile(list));
    }

    [Fact]
    public void Should_Allocate_The_Same_For_Ten_Times_More_Events_When_Scanning_With_Context()
    {
        // Given two objects, 200 and 2000 events, a selection with a prefilter and a context predicate
        byte[] small = Trail(200), large = Trail(2000);
        var selection = new FieldValuePredicate(static r => r.EventName, ["CreateQueue"], TextMatch.EqualsIgnoreCase);
        var context = new FieldValuePredicate(static r => r.EventName, ["TagQueue"], TextMatch.EqualsIgnoreCase);
        using var scanner = new ObjectScanner();
        var sink = new CountingSink();
        var reporter = new ScanHelpers.ListReporter();
        void Scan(byte[] bytes)
        {
            var stream = new MemoryStream(bytes, writable: false);
            var source = new LogObject("mem.json", bytes.Length, () => stream);
            scanner.Scan(source, source.OpenRaw, selection, context, sink, reporter, new ScanStats());
        }

        // When: steady-state allocation of one scan of each
        long smallBytes = AllocationCollection.SteadyState(() => Scan(small), warmups: 20, batches: 3).Min();
        long largeBytes = AllocationCollection.SteadyState(() => Scan(large), warmups: 20, batches: 3).Min();

        // Then: 1800 more events cost (almost) nothing more: well under one byte per event
        Assert.Empty(reporter.Problems);
        Assert.True(sink.Selected > 0 && sink.Context > 0);
        Assert.True(largeBytes - smallBytes < 1800, $"200 events: {smallBytes} B, 2000 events: {largeBytes} B");
    }
}
