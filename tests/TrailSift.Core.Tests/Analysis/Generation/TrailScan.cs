using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Query;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Core.Tests.Analysis.Generation;

/// <summary>Scans a trail (files or folders) into merged sinks, and learns the per-principal policies `policy --per-principal` writes.</summary>
internal static class TrailScan
{
    public static IReadOnlyList<LogObject> Files(params string[] paths) =>
        new LocalSourceFinder(PruneOptions.None, static (_, _) => { }).Find(paths).Objects;

    public static TSink Run<TSink>(IReadOnlyList<LogObject> files, Func<TSink> create, Action<TSink, TSink> merge)
        where TSink : IEventSink, ISequencedSink
    {
        ScanResult<TSink> result = new ParallelScanner { Threads = 2 }.Run(files, EventQuery.Compile(EventQuery.Parse(".").Query!), create, new IgnoreProblems());
        for (int i = 1; i < result.Sinks.Count; i++)
        {
            merge(result.Sinks[0], result.Sinks[i]);
        }

        return result.Sinks[0];
    }

    /// <summary>The evidence of every principal in <paramref name="files"/>.</summary>
    public static PolicyEvidenceCollector Evidence(IReadOnlyList<LogObject> files) =>
        Run(files, () => new PolicyEvidenceCollector(new MappedPermissionReader(EventPermissionMapper.Default)), static (a, b) => a.Merge(b));

    /// <summary>One generated policy per principal.</summary>
    public static Dictionary<string, GeneratedPolicy> Policies(PolicyEvidenceCollector evidence, PolicyGenerationOptions? options = null)
    {
        var policies = new Dictionary<string, GeneratedPolicy>(StringComparer.Ordinal);
        foreach (PrincipalEvidence principal in evidence.Principals())
        {
            policies[principal.Principal] = PolicyGenerator.Generate(principal, evidence.Facts, options ?? new PolicyGenerationOptions());
        }

        return policies;
    }

    // The corpus holds one deliberately broken file (a parser fixture); `policy` reports it and goes on.
    private sealed class IgnoreProblems : IScanReporter
    {
        public void Report(string path, string reason)
        {
        }
    }
}
