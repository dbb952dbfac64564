using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Sources;
using TrailSift.Core.Tests.Analysis.Replay;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Analysis.Generation.NextRun;

/// <summary>
/// The issue's "next run" tests: the policy learned from one run of a workload (`policy`, per principal) is checked
/// against a second run with new ids, job names and queue names but the same roles, subnets and images (`check`):
/// nothing is denied. A control learns with `--generalize none` and shows the second run is denied then, so the
/// test can fail.
/// </summary>
public sealed class NextRunTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => ["emr", "ebs", "lambda", "cloudformation"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Should_Deny_Nothing_Of_The_Next_Run_When_Checked_Against_The_Policy_Learned_From_The_First(string scenario)
    {
        // Given: two runs of the workload
        using var tree = new TempTree();
        IReadOnlyList<LogObject> first = TrailScan.Files(Run(scenario, seed: 11, firstRun: true).Write(tree, "run1"));
        IReadOnlyList<LogObject> second = TrailScan.Files(Run(scenario, seed: 29, firstRun: false).Write(tree, "run2"));

        // When: learn from run 1, check run 2
        Dictionary<string, GeneratedPolicy> policies = TrailScan.Policies(TrailScan.Evidence(first));
        List<CallCheck> checks = Check(policies, second);

        // Then
        foreach (GeneratedPolicy policy in policies.Values)
        {
            output.WriteLine($"== {policy.Principal}");
            output.WriteLine(string.Join("\n", policy.Documents.Select(d => TrailSift.Core.Iam.Policy.PolicyWriter.WriteToString(d))));
        }

        string[] denied = [.. checks.Where(c => c.Verdict == CallVerdict.Denied).Select(c => $"{c.Principal} {c.EventName} {c.Action} on {c.Resource}: {c.Reason}")];
        int undecidable = checks.Count(c => c.Verdict == CallVerdict.Undecidable);
        output.WriteLine($"{scenario}: {checks.Count} calls of run 2 checked: {checks.Count - denied.Length - undecidable} allowed, {denied.Length} denied, {undecidable} undecidable");
        foreach (CallCheck c in checks.Where(c => c.Verdict == CallVerdict.Undecidable))
        {
            output.WriteLine($"  undecidable: {c.EventName} {c.Action} on {c.Resource}: {c.Reason}");
        }

        Assert.True(checks.Count >= 3, $"only {checks.Count} calls checked");
        string[] lintErrors = [.. policies.Values.SelectMany(p => p.Documents).SelectMany(d => TrailSift.Core.Iam.Policy.Lint.PolicyLinter.Default.Lint(d))
            .Where(d => d.Severity == TrailSift.Core.Iam.Policy.DiagnosticSeverity.Error).Select(d => d.ToString())];
        Assert.True(lintErrors.Length == 0, string.Join("\n", lintErrors));
        Assert.True(denied.Length == 0, string.Join("\n", denied));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Should_Deny_Part_Of_The_Next_Run_When_The_Policy_Is_Learned_Without_Generalisation(string scenario)
    {
        // Given
        using var tree = new TempTree();
        IReadOnlyList<LogObject> first = TrailScan.Files(Run(scenario, seed: 11, firstRun: true).Write(tree, "run1"));
        IReadOnlyList<LogObject> second = TrailScan.Files(Run(scenario, seed: 29, firstRun: false).Write(tree, "run2"));

        // When
        Dictionary<string, GeneratedPolicy> policies = TrailScan.Policies(TrailScan.Evidence(first),
            new PolicyGenerationOptions { Generalization = TrailSift.Core.Iam.Generalization.GeneralizationMode.None });
        List<CallCheck> checks = Check(policies, second);

        // Then: the run-specific names are what an exact policy gets wrong
        Assert.Contains(checks, c => c.Verdict == CallVerdict.Denied);
    }

    private static WorkloadRun Run(string scenario, int seed, bool firstRun) => scenario switch
    {
        "emr" => Workloads.EmrLaunch(seed),
        "ebs" => Workloads.EbsSnapshotJob(seed),
        "lambda" => Workloads.LambdaLogs(seed, firstRun),
        _ => Workloads.CloudFormationStack(seed),
    };

    internal static List<CallCheck> Check(Dictionary<string, GeneratedPolicy> policies, IReadOnlyList<LogObject> run)
    {
        var sets = policies.ToDictionary(p => p.Key, p => new PolicySet(p.Value.Documents), StringComparer.Ordinal);
        TagLedger ledger = TrailScan.Run(run, () => new TagLedger(), static (a, b) => a.Merge(b));
        ledger.Freeze();
        PerPrincipalReplay replay = TrailScan.Run(run, () => new PerPrincipalReplay(sets, ledger), static (a, b) => a.Merge(b));
        var checks = replay.Checkers.Values.SelectMany(c => c.Checks).ToList();

        // A principal of run 2 that run 1 never saw has no policy: every one of its calls would be denied.
        Assert.True(replay.Checkers.Count == policies.Count, $"principals: learned {string.Join(", ", policies.Keys)}");
        return checks;
    }
}
