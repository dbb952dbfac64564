using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Sources;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Analysis.Generation.NextRun;

/// <summary>
/// Workload resources narrowed by the tags the workload gives them at creation: learned from two runs of the EBS
/// snapshot job (two creations show the tag is stable), the deletes on volume/* and snapshot/* carry an
/// aws:ResourceTag condition; `check` (the replay with its tag ledger) allows a third run and denies a run whose
/// resources carry another tag, so the condition is really evaluated.
/// </summary>
public sealed class NextRunTagTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Condition_Deletes_On_The_Creation_Tag_And_Allow_The_Next_Run_When_Two_Runs_Show_The_Tag()
    {
        // Given two runs to learn from and a third to check
        using var tree = new TempTree();
        IReadOnlyList<LogObject> learn = [.. TrailScan.Files(Workloads.EbsSnapshotJob(11).Write(tree, "run1")),
            .. TrailScan.Files(Workloads.EbsSnapshotJob(17).Write(tree, "run2"))];
        IReadOnlyList<LogObject> next = TrailScan.Files(Workloads.EbsSnapshotJob(29).Write(tree, "run3"));

        // When
        Dictionary<string, GeneratedPolicy> policies = TrailScan.Policies(TrailScan.Evidence(learn));
        List<CallCheck> checks = NextRunTests.Check(policies, next);

        // Then the deletes are conditioned on the tag, and nothing of the next run is denied or undecidable
        GeneratedPolicy policy = Assert.Single(policies.Values);
        output.WriteLine(string.Join("\n", policy.Documents.Select(static d => PolicyWriter.WriteToString(d))));
        foreach (string action in (string[])["ec2:DeleteVolume", "ec2:DeleteSnapshot"])
        {
            GeneratedStatement s = Assert.Single(policy.Statements, s => s.Actions.Contains(action));
            PolicyCondition c = Assert.Single(s.Statement.Conditions);
            Assert.Equal("aws:ResourceTag/job", c.Key);
            Assert.Equal(["nightly-snapshot"], c.Values.Select(static v => v.ToString()));
        }

        Assert.DoesNotContain(checks, static c => c.Verdict != CallVerdict.Allowed);
        Assert.Contains(checks, static c => c.Action == "ec2:DeleteVolume" && c.Verdict == CallVerdict.Allowed);
    }

    [Fact]
    public void Should_Deny_The_Delete_Of_A_Resource_With_Another_Tag_When_Checked_Against_The_Conditioned_Policy()
    {
        using var tree = new TempTree();
        IReadOnlyList<LogObject> learn = [.. TrailScan.Files(Workloads.EbsSnapshotJob(11).Write(tree, "run1")),
            .. TrailScan.Files(Workloads.EbsSnapshotJob(17).Write(tree, "run2"))];
        IReadOnlyList<LogObject> other = TrailScan.Files(Workloads.EbsSnapshotJob(29, job: "someone-else").Write(tree, "run3"));

        List<CallCheck> checks = NextRunTests.Check(TrailScan.Policies(TrailScan.Evidence(learn)), other);

        Assert.Contains(checks, static c => c.Action == "ec2:DeleteVolume" && c.Verdict == CallVerdict.Denied);
    }

    [Fact]
    public void Should_Not_Condition_On_Tags_When_One_Run_Cannot_Tell_A_Stable_Tag_From_A_Per_Run_One()
    {
        using var tree = new TempTree();
        GeneratedPolicy policy = Assert.Single(TrailScan.Policies(TrailScan.Evidence(TrailScan.Files(Workloads.EbsSnapshotJob(11).Write(tree, "run1")))).Values);

        Assert.All(policy.Statements, static s => Assert.DoesNotContain(s.Statement.Conditions, static c => c.Key.StartsWith("aws:ResourceTag/", StringComparison.Ordinal)));
    }
}
