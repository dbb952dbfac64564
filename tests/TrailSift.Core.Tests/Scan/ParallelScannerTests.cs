using System.Text;
using TrailSift.Core.Common;
using TrailSift.Core.Output;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

public sealed class ParallelScannerTests
{
    [Fact]
    public void Should_Print_Same_Bytes_In_Same_Order_Whatever_The_Thread_Count()
    {
        // Given: 60 files of varied sizes, some broken
        using var tree = new TempTree();
        for (int f = 0; f < 60; f++)
        {
            var events = new List<string>();
            for (int i = 0; i < (f * 7) % 50; i++)
            {
                events.Add(new EventBuilder("ec2.amazonaws.com", $"E{f}_{i}").Json());
            }

            string body = EventBuilder.RecordsFile(events);
            if (f % 13 == 5)
            {
                body = body[..(body.Length / 2)];
            }

            tree.WriteGzip($"d{f / 10}/f{f:D2}.json.gz", body);
        }

        SourceSet sources = new LocalSourceFinder(PruneOptions.None, (_, _) => { }).Find([tree.Root]);

        // When
        var outputs = new List<string>();
        var problemCounts = new List<int>();
        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            var ms = new MemoryStream();
            var output = new OrderedOutput(ms, maxBufferedBytes: 1024);
            var reporter = new ScanHelpers.ListReporter();
            var scanner = new ParallelScanner { Threads = threads, BufferBytes = 128 };
            scanner.Run(sources.Objects, AllOfPredicate.MatchAll, () => new EventPrintingSink(output.CreateWriter(), indented: false), reporter);
            output.Flush();
            outputs.Add(Encoding.UTF8.GetString(ms.ToArray()));
            problemCounts.Add(reporter.Problems.Count);
        }

        // Then
        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
        Assert.All(problemCounts, c => Assert.Equal(problemCounts[0], c));
        Assert.True(problemCounts[0] >= 4);
        Assert.Contains("E1_0", outputs[0], StringComparison.Ordinal);
        Assert.True(outputs[0].IndexOf("\"E1_6\"", StringComparison.Ordinal) < outputs[0].IndexOf("\"E2_0\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Stop_Quietly_When_Output_Is_Closed()
    {
        // Given
        using var tree = new TempTree();
        for (int f = 0; f < 20; f++)
        {
            tree.Write($"f{f:D2}.json", EventBuilder.RecordsFile(Enumerable.Range(0, 200).Select(i => new EventBuilder().Json())));
        }

        SourceSet sources = new LocalSourceFinder(PruneOptions.None, (_, _) => { }).Find([tree.Root]);
        var output = new OrderedOutput(new ClosingStream(10_000));

        // When
        var result = new ParallelScanner { Threads = 2 }.Run(sources.Objects, AllOfPredicate.MatchAll,
            () => new EventPrintingSink(output.CreateWriter(), false), new ScanHelpers.ListReporter());

        // Then
        Assert.True(output.IsBroken);
        Assert.True(result.Stats.FilesOpened < 20);
    }

    private sealed class ClosingStream(int capacity) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > capacity)
            {
                throw new IOException("Broken pipe");
            }

            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    }
}
