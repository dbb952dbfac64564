using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TrailSift.Benchmarks;
using TrailSift.Core.Iam.Evaluation;

// dotnet run -c Release --project bench/TrailSift.Benchmarks [-- --quick]
// In-process, so the runtime settings of this project (TieredPGO, CallCountingDelayMs=0) are the ones measured.
bool quick = args.Contains("--quick");
Job job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(quick ? 1 : 5).WithIterationCount(quick ? 3 : 15)
    .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(quick ? 100 : 250));
IConfig config = DefaultConfig.Instance.AddJob(job)
    .WithArtifactsPath(Path.Combine(SampleRequests.Root, "bench", "out", "benchmarks"));

// What the mix holds: how many evaluations one EmrMix invocation makes, and their decisions.
RequestContext[] mix = SampleRequests.Build(EvaluatorBenchmarks.EmrPolicySet(), EvaluatorBenchmarks.EmrRole);
PolicySet emr = EvaluatorBenchmarks.EmrPolicySet();
var decisions = mix.Select(r => PolicyEvaluator.Evaluate(emr, r, includeTrace: false))
    .GroupBy(r => r.IsDecidable ? r.Decision.ToString() : "Undecidable").OrderBy(g => g.Key, StringComparer.Ordinal)
    .Select(g => $"{g.Count()} {g.Key}");

string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
Summary summary = BenchmarkRunner.Run<EvaluatorBenchmarks>(config);
string loadAfter = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

var inv = CultureInfo.InvariantCulture;
Console.WriteLine();
Console.WriteLine($"Evaluator, single thread, {DateTime.UtcNow:yyyy-MM-dd} on {Environment.MachineName}: {Cpu()}, " +
    $"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}; TieredPGO {AppContext.TryGetSwitch("System.Runtime.TieredPGO", out bool pgo) && pgo}, " +
    $"CallCountingDelayMs {AppContext.GetData("System.Runtime.TieredCompilation.CallCountingDelayMs") ?? "default"}");
Console.WriteLine($"EMR mix: {mix.Length} requests from {EvaluatorBenchmarks.EmrRole}'s calls in samples/emr-launch ({string.Join(", ", decisions)})");
Console.WriteLine($"load average before: {load}; after: {loadAfter}");
Console.WriteLine();
Console.WriteLine("| case | trace | ns / evaluation | evaluations / s | allocated / evaluation |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
foreach (BenchmarkReport report in summary.Reports)
{
    string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
    int perInvoke = name.StartsWith("EmrMix", StringComparison.Ordinal) ? mix.Length : 1;
    double ns = (report.ResultStatistics?.Mean ?? double.NaN) / perInvoke;
    double bytes = (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0) / (double)perInvoke;
    string label = name.StartsWith("EmrMix", StringComparison.Ordinal) ? "EMR policy + boundary + SCP, sample mix" : "one identity policy, simple allow";
    Console.WriteLine(string.Create(inv, $"| {label} | {(name.EndsWith("Traced", StringComparison.Ordinal) ? "yes" : "no")} | {ns:0.0} | {1e9 / ns:N0} | {bytes:0} B |"));
}

static string Cpu()
{
    const string Prefix = "model name";
    string? line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal)) : null;
    return line is null ? RuntimeInformation.OSArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
