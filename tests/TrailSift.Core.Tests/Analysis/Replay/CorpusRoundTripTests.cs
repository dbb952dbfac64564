using System.Diagnostics;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Query;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>The round trip over the real corpus: each principal's generated policy, replayed against that principal's calls, denies nothing.</summary>
public sealed class CorpusRoundTripTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Should_Deny_No_Call_Of_Any_Principal_When_Its_Generated_Policy_Is_Replayed_Against_The_Corpus()
    {
        // Given: one policy per principal, as `policy --per-principal` writes them
        var clock = Stopwatch.StartNew();
        IReadOnlyList<LogObject> files = new LocalSourceFinder(PruneOptions.None, static (_, _) => { }).Find([RepoPaths.Corpus!]).Objects;
        PolicyEvidenceCollector evidence = Scan(files, () => new PolicyEvidenceCollector(new MappedPermissionReader(EventPermissionMapper.Default)),
            static (a, b) => a.Merge(b));
        var policies = new Dictionary<string, PolicySet>(StringComparer.Ordinal);
        foreach (PrincipalEvidence principal in evidence.Principals())
        {
            GeneratedPolicy policy = PolicyGenerator.Generate(principal, evidence.Facts, new PolicyGenerationOptions());

            // A federated user's permissions are its session policy (from GetFederationToken) within the user's.
            bool federated = principal.Principal.Contains(":federated-user/", StringComparison.Ordinal);
            policies[principal.Principal] = new PolicySet(policy.Documents, sessionPolicy: federated ? Assert.Single(policy.Documents) : null);
        }

        TagLedger ledger = Scan(files, () => new TagLedger(), static (a, b) => a.Merge(b));
        ledger.Freeze();

        // When
        PerPrincipalReplay replay = Scan(files, () => new PerPrincipalReplay(policies, ledger), static (a, b) => a.Merge(b));

        // Then
        long calls = 0, allowed = 0, undecidable = 0, malformed = 0;
        var denied = new List<string>();
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach ((string principal, CallChecker checker) in replay.Checkers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (CallCheck check in checker.Checks)
            {
                calls++;
                switch (check.Verdict)
                {
                    case CallVerdict.Allowed:
                        allowed++;
                        break;
                    case CallVerdict.Undecidable:
                        undecidable++;
                        string key = $"{check.EventSource} {check.EventName}: {check.Reason}";
                        reasons[key] = reasons.GetValueOrDefault(key) + 1;
                        break;
                    case CallVerdict.Denied when check.Resource is { } resource && ArnFields.Problem(resource) is not null:
                        malformed++; // `policy` leaves ARNs IAM would reject out of the document and names them
                        break;
                    default:
                        denied.Add($"{principal}: {check.EventTime} {check.EventName} {check.Action} on {check.Resource}: {check.Reason}");
                        break;
                }
            }
        }

        output.WriteLine($"{policies.Count} principals, {calls} calls replayed: {allowed} allowed, {denied.Count} denied, {undecidable} undecidable, {malformed} on malformed fixture ARNs left out ({clock.ElapsedMilliseconds} ms)");
        foreach ((string reason, int count) in reasons)
        {
            output.WriteLine($"  undecidable {count} x {reason}");
        }

        Assert.True(calls > 5000, $"only {calls} calls replayed");
        Assert.True(denied.Count == 0, string.Join("\n", denied.Take(30)));
    }

    private static TSink Scan<TSink>(IReadOnlyList<LogObject> files, Func<TSink> create, Action<TSink, TSink> merge)
        where TSink : IEventSink, ISequencedSink
    {
        ScanResult<TSink> result = new ParallelScanner { Threads = 2 }.Run(files, EventQuery.Compile(EventQuery.Parse(".").Query!), create, new IgnoreProblems());
        for (int i = 1; i < result.Sinks.Count; i++)
        {
            merge(result.Sinks[0], result.Sinks[i]);
        }

        return result.Sinks[0];
    }

    // The corpus holds one deliberately broken file (a parser fixture); `policy` and `check` report it the same way.
    private sealed class IgnoreProblems : IScanReporter
    {
        public void Report(string path, string reason)
        {
        }
    }
}
