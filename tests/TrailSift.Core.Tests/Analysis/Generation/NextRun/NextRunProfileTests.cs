using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Sources;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Analysis.Generation.NextRun;

/// <summary>
/// Workload-created instances narrowed by the instance profile they were launched with (EMR instances get their tags
/// only later, through CreateTags, so no tag condition can narrow them): learned from two runs of the EMR launch, the
/// follow-up calls on instance/* (CreateTags, TerminateInstances — the catalog lists <c>ec2:InstanceProfile</c> for
/// them) carry an <c>ArnEquals ec2:InstanceProfile</c> condition; `check` (the replay reads the profile from the run's
/// RunInstances responses) allows a third run and denies a run that launches with another profile.
/// </summary>
public sealed class NextRunProfileTests(ITestOutputHelper output)
{
    private const string ProfileArn = "arn:aws:iam::123456789012:instance-profile/EMR_EC2_DefaultRole";

    [Fact]
    public void Should_Condition_Instance_Calls_On_The_Launch_Profile_And_Allow_The_Next_Run_When_Two_Runs_Show_It()
    {
        // Given two runs to learn from and a third to check
        using var tree = new TempTree();
        IReadOnlyList<LogObject> learn = [.. TrailScan.Files(Workloads.EmrLaunch(11).Write(tree, "run1")),
            .. TrailScan.Files(Workloads.EmrLaunch(17).Write(tree, "run2"))];
        IReadOnlyList<LogObject> next = TrailScan.Files(Workloads.EmrLaunch(29).Write(tree, "run3"));

        // When
        Dictionary<string, GeneratedPolicy> policies = TrailScan.Policies(TrailScan.Evidence(learn));
        List<CallCheck> checks = NextRunTests.Check(policies, next);

        // Then the instance calls are conditioned on the profile, and nothing of the next run is denied
        GeneratedPolicy service = policies.Single(p => p.Key.EndsWith(":role/EMR_DefaultRole", StringComparison.Ordinal)).Value;
        output.WriteLine(string.Join("\n", service.Documents.Select(static d => PolicyWriter.WriteToString(d))));
        foreach (string action in (string[])["ec2:TerminateInstances", "ec2:CreateTags"])
        {
            GeneratedStatement s = Assert.Single(service.Statements, s => s.Actions.Contains(action));
            PolicyCondition c = Assert.Single(s.Statement.Conditions);
            Assert.Equal(("ArnEquals", "ec2:InstanceProfile"), (c.OperatorName, c.Key));
            Assert.Equal([ProfileArn], c.Values.Select(static v => v.ToString()));
            Assert.Equal(["arn:aws:ec2:us-east-1:123456789012:instance/*"], s.Statement.Resource!.Values.ToArray());
        }

        foreach (CallCheck c in checks.Where(static c => c.Verdict != CallVerdict.Allowed))
        {
            output.WriteLine($"{c.Verdict}: {c.EventName} {c.Action} on {c.Resource}: {c.Reason}");
        }

        // (The PassRole of the profile's role stays undecidable: the events never name the role inside the profile.)
        Assert.DoesNotContain(checks, static c => c.Verdict == CallVerdict.Denied);
        Assert.All(checks.Where(static c => c.Verdict == CallVerdict.Undecidable), static c => Assert.Equal("iam:PassRole", c.Action));
        Assert.Contains(checks, static c => c.Action == "ec2:TerminateInstances" && c.Verdict == CallVerdict.Allowed);
        Assert.Contains(checks, static c => c.Action == "ec2:CreateTags" && c.Verdict == CallVerdict.Allowed);
    }

    [Fact]
    public void Should_Deny_The_Termination_Of_Instances_With_Another_Profile_When_Checked_Against_The_Conditioned_Policy()
    {
        using var tree = new TempTree();
        IReadOnlyList<LogObject> learn = [.. TrailScan.Files(Workloads.EmrLaunch(11).Write(tree, "run1")),
            .. TrailScan.Files(Workloads.EmrLaunch(17).Write(tree, "run2"))];
        IReadOnlyList<LogObject> other = TrailScan.Files(Workloads.EmrLaunch(29, profile: "Admin_Profile").Write(tree, "run3"));

        List<CallCheck> checks = NextRunTests.Check(TrailScan.Policies(TrailScan.Evidence(learn)), other);

        Assert.Contains(checks, static c => c.Action == "ec2:TerminateInstances" && c.Verdict == CallVerdict.Denied);
        Assert.Contains(checks, static c => c.Action == "ec2:CreateTags" && c.Verdict == CallVerdict.Denied);
    }

    [Fact]
    public void Should_Not_Condition_On_The_Profile_When_The_Launch_Responses_Do_Not_State_Its_Arn()
    {
        // Given launches whose request names the profile but whose responses do not give its ARN (a path is possible)
        using var tree = new TempTree();
        IReadOnlyList<LogObject> learn = [.. TrailScan.Files(Workloads.EmrLaunch(11, profileInResponse: false).Write(tree, "run1")),
            .. TrailScan.Files(Workloads.EmrLaunch(17, profileInResponse: false).Write(tree, "run2"))];

        Dictionary<string, GeneratedPolicy> policies = TrailScan.Policies(TrailScan.Evidence(learn));

        Assert.All(policies.Values.SelectMany(static p => p.Statements),
            static s => Assert.DoesNotContain(s.Statement.Conditions, static c => c.Key == "ec2:InstanceProfile"));
    }

    [Fact]
    public void Should_Not_Condition_A_Call_On_The_Profile_When_A_Profile_Association_Changed_Before_It()
    {
        // Given a second run that replaces a profile after the tagging and before the termination
        using var tree = new TempTree();
        IReadOnlyList<LogObject> learn = [.. TrailScan.Files(Workloads.EmrLaunch(11).Write(tree, "run1")),
            .. TrailScan.Files(Workloads.EmrLaunch(17, reassociate: true).Write(tree, "run2"))];

        // When
        GeneratedPolicy service = TrailScan.Policies(TrailScan.Evidence(learn)).Single(p => p.Key.EndsWith(":role/EMR_DefaultRole", StringComparison.Ordinal)).Value;

        // Then the termination is not narrowed; the tagging, all before the change, still is
        GeneratedStatement terminate = Assert.Single(service.Statements, static s => s.Actions.Contains("ec2:TerminateInstances"));
        Assert.DoesNotContain(terminate.Statement.Conditions, static c => c.Key == "ec2:InstanceProfile");
        GeneratedStatement tagging = Assert.Single(service.Statements, static s => s.Actions.Contains("ec2:CreateTags"));
        Assert.Contains(tagging.Statement.Conditions, static c => c.Key == "ec2:InstanceProfile");
    }

    [Fact]
    public void Should_Not_Allow_The_Termination_When_The_Instance_Profile_Was_Replaced_Before_It()
    {
        // Given the conditioned policy, and a run that replaces an instance's profile before terminating it
        using var tree = new TempTree();
        IReadOnlyList<LogObject> learn = [.. TrailScan.Files(Workloads.EmrLaunch(11).Write(tree, "run1")),
            .. TrailScan.Files(Workloads.EmrLaunch(17).Write(tree, "run2"))];
        IReadOnlyList<LogObject> next = TrailScan.Files(Workloads.EmrLaunch(29, reassociate: true).Write(tree, "run3"));

        List<CallCheck> checks = NextRunTests.Check(TrailScan.Policies(TrailScan.Evidence(learn)), next);

        // Then the replay does not take the launch's profile for the instance any more
        CallCheck terminate = Assert.Single(checks, static c => c.EventName == "TerminateInstances");
        Assert.NotEqual(CallVerdict.Allowed, terminate.Verdict);
    }
}
