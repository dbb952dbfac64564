using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TrailSift.Benchmarks;

/// <summary>Runs <see cref="MappingBenchmarks"/> and prints its table: ns and bytes allocated per mapped event.</summary>
internal static class MappingReport
{
    public static void Run(IConfig config)
    {
        (var trail, var corpus) = MappingBenchmarks.Mixes;
        string load = Machine.Load();
        Summary summary = BenchmarkRunner.Run<MappingBenchmarks>(config);
        string loadAfter = Machine.Load();

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"Mapping, single thread, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.MachineName}: {Machine.Cpu()}, {Machine.Runtime()}");
        Console.WriteLine($"mixes: bench trail {trail.Length} events, shared corpus {corpus.Length} events");
        Console.WriteLine($"load average before: {load}; after: {loadAfter}");
        Console.WriteLine();
        Console.WriteLine("| mix | events | ns / event | events / s | allocated / event |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (BenchmarkReport report in summary.Reports)
        {
            string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            bool isTrail = name == nameof(MappingBenchmarks.BenchTrail);
            int events = isTrail ? trail.Length : corpus.Length;
            double ns = (report.ResultStatistics?.Mean ?? double.NaN) / Math.Max(1, events);
            double bytes = (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0) / (double)Math.Max(1, events);
            string label = isTrail ? "bench trail, first 20,000 events" : "shared corpus, every event";
            Console.WriteLine(string.Create(inv, $"| {label} | {events:N0} | {ns:0} | {1e9 / ns:N0} | {bytes:0} B |"));
        }
    }

    /// <summary>Bytes allocated per event by <c>(eventSource, eventName)</c> over the bench-trail mix, largest totals first.</summary>
    public static void Allocations()
    {
        (var trail, _) = MappingBenchmarks.Mixes;
        var mapper = new Core.Iam.Mapping.EventPermissionMapper(Core.Iam.Catalog.IamCatalog.Default);
        foreach (var record in trail)
        {
            mapper.Map(record);
        }

        var totals = new Dictionary<string, (long Bytes, int Events)>(StringComparer.Ordinal);
        foreach (var record in trail)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            mapper.Map(record);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            string key = record.EventSource.GetString() + " " + record.EventName.GetString();
            (long b, int n) = totals.GetValueOrDefault(key);
            totals[key] = (b + bytes, n + 1);
        }

        foreach ((string key, (long bytes, int events)) in totals.OrderByDescending(t => t.Value.Bytes).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / events,8} B/event {events,6} events  {key}"));
        }
    }

    /// <summary>
    /// CPU time and bytes per event on this thread, mapping each mix repeatedly for about two CPU seconds after a warm
    /// pass: steadier than wall time on a loaded machine (another process's run queue does not count).
    /// </summary>
    public static void CpuTime()
    {
        (var trail, var corpus) = MappingBenchmarks.Mixes;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Mapping, CPU time of one thread, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Machine.Cpu()}, {Machine.Runtime()}; load {Machine.Load()}");
        Console.WriteLine("| mix | events | CPU ns / event | allocated / event |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach ((string label, var events) in new[] { ("bench trail, first 20,000 events", trail), ("shared corpus, every event", corpus) })
        {
            var mapper = new Core.Iam.Mapping.EventPermissionMapper(Core.Iam.Catalog.IamCatalog.Default);
            for (int warm = 0; warm < 3; warm++)
            {
                Map(mapper, events);
            }

            TimeSpan start = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            long bytes = GC.GetAllocatedBytesForCurrentThread(), mapped = 0;
            TimeSpan used;
            do
            {
                Map(mapper, events);
                mapped += events.Length;
                used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - start;
            }
            while (used.TotalSeconds < 2 && events.Length > 0);

            bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
            Console.WriteLine(string.Create(inv, $"| {label} | {events.Length:N0} | {used.TotalNanoseconds / Math.Max(1, mapped):0} | {bytes / (double)Math.Max(1, mapped):0} B |"));
        }

        Console.WriteLine($"load after: {Machine.Load()}");
    }

    private static void Map(Core.Iam.Mapping.EventPermissionMapper mapper, Core.Events.EventRecord[] events)
    {
        foreach (var record in events)
        {
            mapper.Map(record);
        }
    }
}
