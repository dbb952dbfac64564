using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TrailSift.Benchmarks;
using TrailSift.Core.Iam.Evaluation;

// dotnet run -c Release --project bench/TrailSift.Benchmarks [-- --quick]             the evaluator
// dotnet run -c Release --project bench/TrailSift.Benchmarks -- --mapping [--quick]    event → permission mapping
// dotnet run -c Release --project bench/TrailSift.Benchmarks -- --mapping-cpu          the same, CPU time of one thread
// dotnet run -c Release --project bench/TrailSift.Benchmarks -- --mapping-digest DIR   digest of mapping every event
// In-process, so the runtime settings of this project (TieredPGO, CallCountingDelayMs=0) are the ones measured.
bool quick = args.Contains("--quick");
Job job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(quick ? 1 : 5).WithIterationCount(quick ? 3 : 15)
    .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(quick ? 100 : 250));
IConfig config = DefaultConfig.Instance.AddJob(job)
    .WithArtifactsPath(Path.Combine(SampleRequests.Root, "bench", "out", "benchmarks"));

if (args.Length == 2 && args[0] == "--mapping-digest")
{
    MappingEvents.Digest(args[1]);
    return;
}

if (args.Contains("--mapping-cpu"))
{
    MappingReport.CpuTime();
    return;
}

if (args.Contains("--mapping-allocations"))
{
    MappingReport.Allocations();
    return;
}

if (args.Contains("--mapping"))
{
    MappingReport.Run(config);
    return;
}

// What the mix holds: how many evaluations one EmrMix invocation makes, and their decisions.
RequestContext[] mix = SampleRequests.Build(EvaluatorBenchmarks.EmrPolicySet(), EvaluatorBenchmarks.EmrRole);
PolicySet emr = EvaluatorBenchmarks.EmrPolicySet();
var decisions = mix.Select(r => PolicyEvaluator.Evaluate(emr, r, includeTrace: false))
    .GroupBy(r => r.IsDecidable ? r.Decision.ToString() : "Undecidable").OrderBy(g => g.Key, StringComparer.Ordinal)
    .Select(g => $"{g.Count()} {g.Key}");

string load = Machine.Load();
Summary summary = BenchmarkRunner.Run<EvaluatorBenchmarks>(config);
string loadAfter = Machine.Load();

var inv = CultureInfo.InvariantCulture;
Console.WriteLine();
Console.WriteLine($"Evaluator, single thread, {DateTime.UtcNow:yyyy-MM-dd} on {Environment.MachineName}: {Machine.Cpu()}, " +
    Machine.Runtime());
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
